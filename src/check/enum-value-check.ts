import type { Check, Finding } from './check.js'
import { closestWord } from './closest-word.js'
import { ruleCheck } from './define-check.js'
import { atValue } from './locate.js'
import { ruleDocuments } from './rule-documents.js'

/** A check that a top-level field, when present, is one of a fixed set of words. */
export function enumValueCheck(id: string, field: string, allowed: readonly string[], what: string): Check {
  return ruleCheck({ id, severity: 'error', description: `${what}: ${allowed.join(', ')}` }, (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (!(field in doc) || doc[field] === null) continue
      const value = doc[field]
      if (typeof value === 'string' && allowed.includes(value)) continue
      const hint = typeof value === 'string' ? closestWord(value, allowed) : undefined
      out.push(atValue(rule, [field], `${field} '${String(value)}' is not valid, expected one of ${allowed.join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}`, index))
    }
    return out
  })
}
