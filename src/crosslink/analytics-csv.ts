import type { DataSource, LinkedRule } from '../model.js'
import { hashOf } from '../cache/hash.js'
import { csvRow } from './csv.js'
import { factsStamp } from './facts-stamp.js'
import type { FragmentMemo } from './fragment-memo.js'
import { list, ruleFacts, sortedByStem, text } from './rule-facts.js'
import type { WikiModel } from './wiki-model.js'

const HEADER = ['customer', 'tactic', 'technique', 'detection_rule', 'category', 'platform', 'type', 'channel', 'provider', 'data_needed', 'logging policy', 'enrichment', 'enrichment requirements', 'response playbook', 'response action']

/**
 * `analytics.csv` in ATC's shape: one row per tactic × technique × rule × Data Needed × its Logging Policy ×
 * requested Enrichment. `-` stands for "none" (a rule without Data Needed still gets its rows); rules
 * without a tactic or a technique tag have no row, as in ATC. There are no customers or response
 * playbooks in this wiki, so those columns are `-`.
 */
export function analyticsCsv(model: WikiModel, memo?: FragmentMemo): string {
  const data = { dataNeeded: byTitle(model.dataNeeded), policies: byTitle(model.loggingPolicies), enrichments: byTitle(model.enrichments) }
  const rows = sortedByStem(model.rules).map((rule) => (memo ? memo.text(factsStamp(rule), () => ruleRows(rule, data)) : ruleRows(rule, data)))
  return csvRow(HEADER) + rows.join('')
}

/** Bump when a rule's rows change for the same rule and atc-data. */
const VERSION = 'analytics-csv-2'

/**
 * The name of the memo of the rows (see FragmentMemo), which holds rows by the rule's facts stamp: the rows
 * also show the atc-data, which the name stands for.
 */
export function analyticsCsvParts(model: WikiModel): string {
  return `analytics.csv\0${VERSION}\0${dataStamp(model)}`
}

interface DataByTitle {
  dataNeeded: Map<string, DataSource>
  policies: Map<string, DataSource>
  enrichments: Map<string, DataSource>
}

/** A rule's rows, printed. */
function ruleRows(rule: LinkedRule, data: DataByTitle): string {
  const facts = ruleFacts(rule)
  const tactics = rule.links.tactics.map((t) => `${t.id}: ${t.name}`)
  const techniques = rule.links.techniques.map((t) => `${t.id.toUpperCase()}: ${t.name ?? 'None'}`)
  const dns = rule.links.dataNeeded.map((title) => data.dataNeeded.get(title)).filter((d) => d !== undefined)
  const ens = facts.enrichments.map((title) => data.enrichments.get(title)).filter((e) => e !== undefined)
  const enrichmentCells = ens.length ? ens.map((e) => [e.title, list(e.doc.requirements).join(';')]) : [['-', '-']]
  const dnCells = dns.length ? dns.map((dn) => ({ dn, lps: list(dn.doc.loggingpolicy).filter((t) => data.policies.has(t)) })) : [{ dn: undefined, lps: [] }]
  let rows = ''
  for (const tactic of tactics) {
    for (const technique of techniques) {
      for (const { dn, lps } of dnCells) {
        const dnFields = dn ? ['category', 'platform', 'type', 'channel', 'provider'].map((k) => field(dn.doc[k])).concat(dn.title) : ['-', '-', '-', '-', '-', '-']
        for (const lp of lps.length ? lps : ['-']) {
          for (const [enrichment, requirements] of enrichmentCells) {
            rows += csvRow(['-', tactic, technique, facts.title, ...dnFields, lp, enrichment, requirements || '-', '-', '-'])
          }
        }
      }
    }
  }
  return rows
}

const dataStamps = new WeakMap<WikiModel, string>()

/** What a rule's rows read besides the rule: every Data Needed, Logging Policy and Enrichment document. */
function dataStamp(model: WikiModel): string {
  let stamp = dataStamps.get(model)
  if (stamp === undefined) {
    const parts = [model.dataNeeded, model.loggingPolicies, model.enrichments].flatMap((list) => [String(list.length), ...list.flatMap((s) => [s.title, JSON.stringify(s.doc)])])
    dataStamps.set(model, (stamp = hashOf(...parts)))
  }
  return stamp
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
