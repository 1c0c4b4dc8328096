import type { DataSource, LinkedRule } from '../model.js'
import { csvTable } from './csv.js'
import { list, ruleFacts, text } from './rule-facts.js'
import type { WikiModel } from './wiki-model.js'

const HEADER = ['customer', 'tactic', 'technique', 'detection_rule', 'category', 'platform', 'type', 'channel', 'provider', 'data_needed', 'logging policy', 'enrichment', 'enrichment requirements', 'response playbook', 'response action']

/**
 * `analytics.csv` in ATC's shape: one row per tactic × technique × rule × Data Needed × its Logging Policy ×
 * requested Enrichment. `-` stands for "none" (a rule without Data Needed still gets its rows); rules
 * without a tactic or a technique tag have no row, as in ATC. There are no customers or response
 * playbooks in this wiki, so those columns are `-`.
 */
export function analyticsCsv(model: WikiModel): string {
  const dataNeeded = byTitle(model.dataNeeded)
  const policies = byTitle(model.loggingPolicies)
  const enrichments = byTitle(model.enrichments)
  const rows: string[][] = []
  for (const rule of sortedRules(model.rules)) {
    const facts = ruleFacts(rule)
    const tactics = rule.links.tactics.map((t) => `${t.id}: ${t.name}`)
    const techniques = rule.links.techniques.map((t) => `${t.id.toUpperCase()}: ${t.name ?? 'None'}`)
    const dns = rule.links.dataNeeded.map((title) => dataNeeded.get(title)).filter((d) => d !== undefined)
    const ens = facts.enrichments.map((title) => enrichments.get(title)).filter((e) => e !== undefined)
    const enrichmentCells = ens.length ? ens.map((e) => [e.title, list(e.doc.requirements).join(';')]) : [['-', '-']]
    const dnCells = dns.length ? dns.map((dn) => ({ dn, lps: list(dn.doc.loggingpolicy).filter((t) => policies.has(t)) })) : [{ dn: undefined, lps: [] }]
    for (const tactic of tactics) {
      for (const technique of techniques) {
        for (const { dn, lps } of dnCells) {
          const dnFields = dn ? ['category', 'platform', 'type', 'channel', 'provider'].map((k) => field(dn.doc[k])).concat(dn.title) : ['-', '-', '-', '-', '-', '-']
          for (const lp of lps.length ? lps : ['-']) {
            for (const [enrichment, requirements] of enrichmentCells) {
              rows.push(['-', tactic, technique, facts.title, ...dnFields, lp, enrichment, requirements || '-', '-', '-'])
            }
          }
        }
      }
    }
  }
  return csvTable(HEADER, rows)
}

export function byTitle(sources: readonly DataSource[]): Map<string, DataSource> {
  const map = new Map<string, DataSource>()
  for (const s of sources) if (!map.has(s.title)) map.set(s.title, s)
  return map
}

/** A Data Needed field as a cell: lists joined with `;`, missing as `-`. */
export function field(value: unknown): string {
  if (Array.isArray(value)) return list(value).join(';') || '-'
  return text(value) || '-'
}

function sortedRules(rules: readonly LinkedRule[]): LinkedRule[] {
  return [...rules].sort((a, b) => (a.source.stem < b.source.stem ? -1 : a.source.stem > b.source.stem ? 1 : 0))
}
