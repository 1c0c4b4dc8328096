import type { Root, RootContent, TableRow } from 'mdast'
import { BACKENDS, type LinkedRule } from '../model.js'
import { ruleFacts, type ConversionOutcome } from './rule-facts.js'
import type { CoverageIndex } from './coverage-index.js'
import { md } from './markdown.js'
import { ruleLink } from './page-links.js'
import { perRule } from './per-rule.js'
import { wikiPath } from './wiki-paths.js'

/** Why a backend has no query for a rule, in one line. */
export function conversionReason(c: ConversionOutcome | undefined): string {
  if (!c) return 'not converted'
  const reason = (c.reason ?? '').replace(/\s+/g, ' ').trim()
  return reason || 'the backend produced no query'
}

/** The backend's outcome for the rule, from its facts (a cached rule's queries are not read for it). */
export function conversionOf(rule: LinkedRule, backend: string): ConversionOutcome | undefined {
  return ruleFacts(rule).outcomes.find((c) => c.backend === backend)
}

/** `Conversion_Status.md`: per backend totals, every failure with its reason, then the rule × backend grid. */
export function conversionStatusPage(index: CoverageIndex): Root {
  const rules = index.rules
  const parts = rules.map(statusOf)
  const totals = BACKENDS.map((backend, b) => {
    const ok = parts.filter((part) => part.ok[b]).length
    const pct = rules.length ? ((ok / rules.length) * 100).toFixed(1) : '0.0'
    return [md.code(backend), String(ok), String(rules.length - ok), `${pct}%`]
  })
  const failures = parts.flatMap((part) => part.failures)
  const out: RootContent[] = [
    md.heading(1, 'Conversion Status'),
    md.p(`Every rule converted to each of the ${BACKENDS.length} backends of the cards: converted (✓), or the reason it is not (✗).`),
    md.table(['Backend', 'Converted', 'Not converted', 'Rate'], totals, [null, 'right', 'right', 'right']),
    md.heading(2, 'Not converted'),
    failures.length ? md.table(['Rule', 'Backend', 'Reason'], failures) : md.p('Every rule converted to every backend.'),
    md.heading(2, 'All rules'),
    md.table(['Rule', ...BACKENDS.map((b) => md.code(b))], parts.map((part) => part.grid), [null, ...BACKENDS.map(() => 'center' as const)]),
  ]
  return { type: 'root', children: out }
}

/** A rule's part of the page: whether each backend converted it, its rows of failures, its row of the grid. */
const statusOf = perRule((rule: LinkedRule): { ok: boolean[]; failures: TableRow[]; grid: TableRow } => {
  const outcomes = BACKENDS.map((backend) => conversionOf(rule, backend))
  const link = ruleLink(wikiPath.conversionStatus, rule)
  return {
    ok: outcomes.map((c) => c?.ok === true),
    failures: outcomes.flatMap((c, b) => (c?.ok ? [] : [md.row([[link], [md.code(BACKENDS[b]!)], conversionReason(c)])])),
    grid: md.row([[link], ...outcomes.map((c) => (c?.ok ? '✓' : '✗'))]),
  }
})
