import type { Finding } from '../check.js'
import { closestWord } from '../closest-word.js'
import { ruleCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atKey, atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

const SOURCE_KEYS = ['category', 'product', 'service']
const OTHER_KEYS = ['definition']

export const logsourceShape = ruleCheck(
  { id: 'logsource-shape', severity: 'error', description: 'the logsource is a map naming at least one of category, product, service, each a non-empty string' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      const logsource = doc.logsource
      if (!('logsource' in doc) || !isMap(logsource)) continue // missing: required-fields; not a map: field-type
      const named = SOURCE_KEYS.filter((k) => k in logsource)
      if (named.length === 0) out.push(atKey(rule, ['logsource'], `logsource names none of ${SOURCE_KEYS.join(', ')}, expected at least one (e.g. product: windows, category: process_creation)`, index))
      for (const [key, value] of Object.entries(logsource)) {
        if (![...SOURCE_KEYS, ...OTHER_KEYS].includes(key)) {
          const hint = closestWord(key, [...SOURCE_KEYS, ...OTHER_KEYS])
          out.push({ ...atKey(rule, ['logsource', key], `unknown logsource key '${key}', ${hint ? `did you mean '${hint}'?` : `expected ${[...SOURCE_KEYS, ...OTHER_KEYS].join(', ')}`}`, index), severity: 'warning' })
        } else if (typeof value !== 'string' || value.trim() === '') {
          out.push(atValue(rule, ['logsource', key], `logsource ${key} is ${value === null || value === '' ? 'empty' : `a ${Array.isArray(value) ? 'list' : typeof value}`}, expected a non-empty string`, index))
        }
      }
    }
    return out
  },
)
