import { byTitle, field } from './analytics-csv.js'
import { csvTable } from './csv.js'
import { list } from './rule-facts.js'
import type { WikiModel } from './wiki-model.js'

const HEADER = ['field', 'category', 'platform', 'type', 'channel', 'provider', 'data_needed', 'enrichment', 'enrichment requirements']

/**
 * `pivoting.csv` as ATC writes it: one row per field of every Data Needed, then one row per field an
 * Enrichment adds to each Data Needed it enriches (with the enrichment and its requirements).
 */
export function pivotingCsv(model: WikiModel): string {
  const rows: string[][] = []
  const pivot = (doc: Record<string, unknown>, title: string) => ['category', 'platform', 'type', 'channel', 'provider'].map((k) => field(doc[k])).concat(title)
  for (const dn of model.dataNeeded) {
    for (const name of list(dn.doc.fields)) rows.push([name, ...pivot(dn.doc, dn.title), '', ''])
  }
  const dataNeeded = byTitle(model.dataNeeded)
  for (const en of model.enrichments) {
    const requirements = list(en.doc.requirements).join(';')
    for (const title of list(en.doc.data_to_enrich)) {
      const dn = dataNeeded.get(title)
      if (!dn) continue
      for (const name of list(en.doc.new_fields)) rows.push([name, ...pivot(dn.doc, dn.title), en.title, requirements])
    }
  }
  return csvTable(HEADER, rows)
}
