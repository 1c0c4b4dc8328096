import { readFileSync } from 'node:fs'
import type { Event } from 'js-yaml'
import { Eta, type TemplateFunction } from 'eta'
import type { AtomicsSource } from '../model.js'
import { toAtomicsModel, type AtomicsModel, type AtomicTest } from '../load/atomics-model.js'
import { anchorOf, attackDescriptionLines, attackUrlPath, fenceLanguage, platformList, tableCell } from './trigger-format.js'
import { stripText } from './trigger-text.js'
import { packagePath } from '../package-root.js'

export interface TriggerCardInput {
  atomics: AtomicsSource
  /** The technique's ATT&CK description (catalogue `description`); undefined when unknown. */
  description: string | undefined
  /** The technique's ATT&CK name, used only when the atomics file has no `display_name`. */
  techniqueName?: string | undefined
  /** js-yaml's events of the atomics text, when its reader kept them (see readAtomics). */
  events?: readonly Event[]
}

/** Renders a trigger card (`Triggers/<Tid>.md`) the way Atomic Red Team renders its technique page. */
export function renderTriggerCard(input: TriggerCardInput): string {
  const { atomics } = input
  const { model } = toAtomicsModel(atomics.doc, atomics.path, { text: atomics.text, events: input.events })
  return renderTriggerModel(model, {
    fallbackId: atomics.techniqueId,
    description: input.description,
    techniqueName: input.techniqueName,
  })
}

/** Same as renderTriggerCard for a model already built (e.g. by a loader that kept its diagnostics). */
export function renderTriggerModel(
  model: AtomicsModel,
  context: { fallbackId: string; description: string | undefined; techniqueName?: string | undefined },
): string {
  const id = model.techniqueId ?? context.fallbackId.toUpperCase()
  const view = {
    id,
    name: model.displayName ?? context.techniqueName ?? '',
    urlPath: attackUrlPath(id),
    descriptionLines: attackDescriptionLines(context.description ?? ''),
    tests: model.tests.map(testView),
  }
  return template()(view)
}

function testView(test: AtomicTest, index: number) {
  const title = `Atomic Test #${index + 1}: ${test.name}`
  const { executor } = test
  const dependencyExecutor = test.dependencyExecutorName ?? executor.name
  return {
    title,
    anchor: anchorOf(title),
    description: stripText(test.description),
    platforms: platformList(test.platforms),
    guid: test.guid,
    inputs: test.inputs.map((a) => ({
      name: tableCell(a.name),
      description: tableCell(a.description),
      type: tableCell(a.type),
      default: tableCell(a.default),
    })),
    manual: executor.name === 'manual',
    elevation: executor.elevationRequired,
    executor: executor.name,
    language: fenceLanguage(executor.name),
    // Steps are printed as written; commands are stripped.
    steps: executor.steps,
    command: stripText(executor.command),
    cleanup: executor.cleanupCommand === null ? null : stripText(executor.cleanupCommand),
    dependencyExecutor,
    dependencyLanguage: fenceLanguage(dependencyExecutor),
    dependencies: test.dependencies.map((d) => ({
      description: stripText(d.description),
      prereq: stripText(d.prereqCommand),
      getPrereq: stripText(d.getPrereqCommand),
    })),
  }
}

type CardView = Record<string, unknown>
let compiled: ((view: CardView) => string) | undefined

// Compiled once per process; the template ships in the package's templates/ folder.
function template(): (view: CardView) => string {
  if (!compiled) {
    const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false })
    const text = readFileSync(packagePath('templates', 'trigger.eta'), 'utf8')
    const fn: TemplateFunction = eta.compile(text)
    compiled = (view) => eta.render(fn, view)
  }
  return compiled
}
