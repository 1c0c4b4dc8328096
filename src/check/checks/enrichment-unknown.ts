import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'

export const enrichmentUnknown = ruleCheck(
  { id: 'enrichment-unknown', severity: 'error', description: "every Enrichment a rule names in 'enrichment' exists (its Data Needed are added to the rule's)" },
  (rule, context) => {
    const value = rule.rule.enrichment
    if (value === undefined || value === null) return []
    const known = new Set(context.inputs.enrichments.map((e) => e.title))
    const names = Array.isArray(value) ? value : [value]
    const out: Finding[] = []
    names.forEach((name, i) => {
      if (typeof name === 'string' && known.has(name)) return
      out.push(atValue(rule, Array.isArray(value) ? ['enrichment', i] : ['enrichment'], `enrichment '${String(name)}' is not the title of any Enrichment${known.size ? '' : ' (no Enrichments were found)'}, expected one of the Enrichments folder's titles`))
    })
    return out
  },
)
