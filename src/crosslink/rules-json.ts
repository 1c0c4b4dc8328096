import { displayPath } from '../load/display-path.js'
import { BACKENDS, type LinkedRule } from '../model.js'
import { conversionOf, conversionReason } from './conversion-status-page.js'
import { factsStamp } from './facts-stamp.js'
import type { FragmentMemo } from './fragment-memo.js'
import { ruleFacts, sortedByStem } from './rule-facts.js'
import { wikiPath } from './wiki-paths.js'

export interface RuleRecord {
  id: string
  title: string
  /** The rule file, as the build was given it. */
  path: string
  /** The rule's card, relative to the output folder. */
  card: string
  level: string
  status: string
  logsource: string
  tactics: { id: string; name: string }[]
  techniques: { id: string; name: string | null }[]
  dataNeeded: string[]
  triggers: string[]
  /** Backends that produced a query. */
  backends: string[]
  notConverted: { backend: string; reason: string }[]
}

/** Bump when a record changes for the same rule. */
const VERSION = 'rules-json-2'

/** The name of the memo of the printed records (see FragmentMemo), which holds them by the rule's facts stamp. */
export const RULES_JSON_PARTS = `rules.json\0${VERSION}`

/**
 * `rules.json`: one record per rule, ordered by file stem; as `JSON.stringify(records, null, 2)` prints it,
 * joined from one printed record per rule (kept in `memo`, named RULES_JSON_PARTS, when given).
 */
export function rulesJson(rules: readonly LinkedRule[], memo?: FragmentMemo): string {
  if (rules.length === 0) return '[]\n'
  const printed = sortedByStem(rules).map((rule) => (memo ? memo.text(factsStamp(rule), () => printedRecord(rule)) : printedRecord(rule)))
  return `[\n${printed.join(',\n')}\n]\n`
}

/** One record as it prints inside the array: indented one level. */
function printedRecord(rule: LinkedRule): string {
  return JSON.stringify(ruleRecord(rule), null, 2).replace(/^/gm, '  ')
}

function ruleRecord(rule: LinkedRule): RuleRecord {
  const f = ruleFacts(rule)
  return {
    id: f.id,
    title: f.title,
    path: displayPath(rule.source.path),
    card: `wiki/${wikiPath.rule(rule.source.stem)}`,
    level: f.level,
    status: f.status,
    logsource: f.logsource,
    tactics: rule.links.tactics.map((t) => ({ id: t.id, name: t.name })),
    techniques: rule.links.techniques.map((t) => ({ id: t.id.toUpperCase(), name: t.name })),
    dataNeeded: [...rule.links.dataNeeded],
    triggers: [...rule.links.triggers],
    backends: BACKENDS.filter((b) => conversionOf(rule, b)?.ok),
    notConverted: BACKENDS.filter((b) => !conversionOf(rule, b)?.ok).map((b) => ({ backend: b, reason: conversionReason(conversionOf(rule, b)) })),
  }
}
