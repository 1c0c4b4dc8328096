import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { pageNames } from '../page-names.js'

export const enrichmentRequirements = dataCheck(
  { id: 'enrichment-requirements', severity: 'error', description: 'every Enrichment another one requires (requirements) exists as an Enrichment file (its card links the page)' },
  'enrichment',
  (file, context) => {
    const value = file.doc.requirements
    if (value === undefined || value === null) return []
    const pages = pageNames(context.inputs.enrichments)
    const out: Finding[] = []
    const names = Array.isArray(value) ? value : [value]
    names.forEach((name, i) => {
      if (typeof name === 'string' && pages.byStem.has(name)) return
      const titled = typeof name === 'string' ? pages.byTitle.get(name) : undefined
      const hint = titled ? ` (the Enrichment titled so is ${titled.path}, whose page is ${titled.stem}.md)` : ''
      out.push(atValue(file, Array.isArray(value) ? ['requirements', i] : ['requirements'], `requirement '${String(name)}' names no Enrichment file (${String(name)}.yml)${hint}, so the card's link is broken`))
    })
    return out
  },
)
