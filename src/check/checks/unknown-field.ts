import { RULE_FIELDS } from '../../load/rule-schema.js'
import type { Finding } from '../check.js'
import { closestWord } from '../closest-word.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

export const unknownField = ruleCheck(
  { id: 'unknown-field', severity: 'warning', description: 'no top-level field outside the Sigma specification (often a misspelling)' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      for (const key of Object.keys(doc)) {
        if (key in RULE_FIELDS) continue
        const hint = closestWord(key, Object.keys(RULE_FIELDS))
        out.push(atKey(rule, [key], `unknown field '${key}', ${hint ? `did you mean '${hint}'?` : `expected one of the Sigma rule fields (${Object.keys(RULE_FIELDS).join(', ')})`}`, index))
      }
    }
    return out
  },
)
