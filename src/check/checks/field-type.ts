import { checkFieldKind } from '../../load/check-field-kind.js'
import { RULE_FIELDS } from '../../load/rule-schema.js'
import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

export const fieldType = ruleCheck(
  { id: 'field-type', severity: 'error', description: 'each Sigma field has the expected type (title a string, tags a list of strings, detection a map, …)' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      for (const [key, value] of Object.entries(doc)) {
        const kind = RULE_FIELDS[key]
        if (!kind || value === null) continue
        const problem = checkFieldKind(value, kind)
        if (problem) out.push(atKey(rule, [key], `field '${key}' is ${problem}`, index))
      }
    }
    return out
  },
)
