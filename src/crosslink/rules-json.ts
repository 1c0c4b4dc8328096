import { displayPath } from '../load/display-path.js'
import { BACKENDS, type LinkedRule } from '../model.js'
import { conversionOf, conversionReason } from './conversion-status-page.js'
import { ruleFacts } from './rule-facts.js'
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

/** `rules.json`: one record per rule, ordered by file stem. */
export function rulesJson(rules: readonly LinkedRule[]): string {
  const records = [...rules]
    .sort((a, b) => (a.source.stem < b.source.stem ? -1 : a.source.stem > b.source.stem ? 1 : 0))
    .map((rule): RuleRecord => {
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
    })
  return `${JSON.stringify(records, null, 2)}\n`
}
