import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

// Backends, field mappings and Data Needed resolution match these values exactly, in lower case.
const KEYS = ['category', 'product', 'service']

export const logsourceCase = ruleCheck(
  { id: 'logsource-case', severity: 'warning', description: 'logsource category, product and service are lower-case words without spaces (they are matched exactly)' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (!isMap(doc.logsource)) continue
      for (const key of KEYS) {
        const value = doc.logsource[key]
        if (typeof value !== 'string' || value === '') continue
        if (value !== value.toLowerCase() || /\s/.test(value)) {
          out.push(atValue(rule, ['logsource', key], `logsource ${key} '${value}' is not a lower-case word, expected '${value.toLowerCase().trim().replace(/\s+/g, '_')}' (log sources are matched exactly)`, index))
        }
      }
    }
    return out
  },
)
