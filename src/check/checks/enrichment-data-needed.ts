import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { pageNames } from '../page-names.js'

export const enrichmentDataNeeded = dataCheck(
  { id: 'enrichment-data-needed', severity: 'error', description: 'every Data Needed an Enrichment names (data_needed, data_to_enrich) exists as a Data Needed file (its card links the page)' },
  'enrichment',
  (file, context) => {
    const pages = pageNames(context.inputs.dataNeeded)
    const out: Finding[] = []
    for (const key of ['data_needed', 'data_to_enrich']) {
      const value = file.doc[key]
      if (value === undefined || value === null) continue
      const names = Array.isArray(value) ? value : [value]
      names.forEach((name, i) => {
        if (typeof name === 'string' && pages.byStem.has(name)) return
        const titled = typeof name === 'string' ? pages.byTitle.get(name) : undefined
        const hint = titled ? ` (the Data Needed titled so is ${titled.path}, whose page is ${titled.stem}.md)` : pages.byStem.size ? '' : ' (no Data Needed were found)'
        out.push(atValue(file, Array.isArray(value) ? [key, i] : [key], `${key} names '${String(name)}', but no Data Needed file is named ${String(name)}.yml${hint}`))
      })
    }
    return out
  },
)
