import type { WikiModel } from '../crosslink/wiki-model.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import { toAtomicsModel } from '../load/atomics-model.js'
import type { AtomicsSource, LinkedRule } from '../model.js'
import { stripText } from '../render/trigger-text.js'

/** The texts a wiki page's fenced code blocks may hold, by wiki-relative page path. */
export type CodeTexts = (page: string) => string[]

/**
 * What the model says a page's code blocks hold: a rule card's Sigma rule and backend queries, a trigger
 * card's commands. Only a guess: a block is treated as known only where the page holds exactly that text
 * between fences (see code-stand-ins.ts), so a card that shows something else is simply parsed.
 */
export function codeTextsOf(model: WikiModel): CodeTexts {
  const rules = new Map<string, LinkedRule[]>()
  for (const rule of model.rules) push(rules, wikiPath.rule(rule.source.stem), rule)
  const atomics = new Map<string, AtomicsSource[]>()
  for (const source of model.atomics) push(atomics, wikiPath.trigger(source.techniqueId), source)
  return (page) => [...(rules.get(page) ?? []).flatMap(ruleTexts), ...(atomics.get(page) ?? []).flatMap(triggerTexts)]
}

function ruleTexts(rule: LinkedRule): string[] {
  const text = rule.source.text
  // The card shows the file with universal newlines.
  return [text, text.replace(/\r\n?/g, '\n'), ...rule.conversions.map((c) => c.text)]
}

function triggerTexts(source: AtomicsSource): string[] {
  const { model } = toAtomicsModel(source.doc, source.path)
  return model.tests.flatMap((t) => [
    t.executor.command,
    t.executor.cleanupCommand ?? '',
    ...t.dependencies.flatMap((d) => [d.prereqCommand, d.getPrereqCommand]),
  ]).map(stripText)
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
