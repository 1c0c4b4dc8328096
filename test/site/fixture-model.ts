import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { loadCatalogue, type AttackCatalogue } from '../../src/attack/index.js'
import type { WikiModel } from '../../src/crosslink/index.js'
import type { Diagnostic } from '../../src/diagnostics.js'
import { linkRule } from '../../src/link/index.js'
import { loadAtomics, loadDataSources, loadRules } from '../../src/load/index.js'
import { BACKENDS, type Conversion, type Inputs, type LinkedRule } from '../../src/model.js'
import { renderWiki } from '../../src/render-wiki.js'
import { contentOf } from '../../src/write/index.js'

export const FIXTURES = fileURLToPath(new URL('../fixtures/site/', import.meta.url))

/** Backends that "fail" for a rule in the fixtures, with the reason the conversion status shows. */
const FAILURES: Record<string, Partial<Record<string, string>>> = {
  app_sqlinjection_errors: { grep: 'keywords with wildcards are not supported by this backend' },
  aws_cloudtrail_bucket_deleted: { 'xpack-watcher': 'no index mapping for product aws', powershell: 'the backend only reads Windows event logs' },
}

export interface Fixture {
  model: WikiModel
  inputs: Inputs
  catalogue: AttackCatalogue
  /** The ATC cards, wiki-relative (`Detection_Rules/x.md`). */
  cards: Map<string, string>
  diagnostics: Diagnostic[]
}

/**
 * Loads fixture folders (each with rules/; the first also data_needed/, logging_policies/, enrichments/, triggers/) with the
 * product's own loaders, linker and card renderers; conversions are made up (a few fail, with a reason).
 */
export function loadFixture(...names: string[]): Fixture {
  const dirs = names.map((n) => join(FIXTURES, n))
  const rules = loadRules(dirs.map((d) => join(d, 'rules')))
  const first = dirs[0]
  const dataNeeded = loadDataSources(join(first, 'data_needed'), 'Data Needed')
  const loggingPolicies = loadDataSources(join(first, 'logging_policies'), 'Logging Policy')
  const enrichments = loadDataSources(join(first, 'enrichments'), 'Enrichment')
  const atomics = loadAtomics(join(first, 'triggers'))
  const inputs: Inputs = {
    rules: rules.rules,
    dataNeeded: dataNeeded.items,
    loggingPolicies: loggingPolicies.items,
    enrichments: enrichments.items,
    atomics: atomics.atomics,
    triggerFolders: atomics.triggerFolders,
  }
  const catalogue = loadCatalogue()
  const linked: LinkedRule[] = inputs.rules.map((source) => ({
    source,
    links: linkRule(source, inputs, catalogue),
    conversions: BACKENDS.map((backend): Conversion => {
      const reason = FAILURES[source.stem]?.[backend]
      return reason ? { backend, text: '', ok: false, reason } : { backend, text: `${backend} query for ${source.stem}`, ok: true }
    }),
  }))
  const diagnostics: Diagnostic[] = [...rules.diagnostics, ...dataNeeded.diagnostics, ...loggingPolicies.diagnostics, ...enrichments.diagnostics, ...atomics.diagnostics]
  const files = renderWiki({ inputs, rules: linked, catalogue }, diagnostics)
  const cards = new Map([...files].map(([path, content]) => [path.replace(/^wiki\//, ''), typeof content === 'string' ? content : Buffer.from(contentOf(content)).toString('utf8')]))
  return {
    model: { rules: linked, dataNeeded: inputs.dataNeeded, loggingPolicies: inputs.loggingPolicies, enrichments: inputs.enrichments, atomics: inputs.atomics },
    inputs,
    catalogue,
    cards,
    diagnostics,
  }
}
