import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atDocument } from '../locate.js'
import { hasField } from '../rule-documents.js'

// Sigma's rule types and the fields each needs (`id` has its own check).
const REQUIRED: [string, string[]][] = [
  ['correlation', ['title', 'correlation']],
  ['filter', ['title', 'logsource', 'filter']],
  ['', ['title', 'logsource', 'detection']],
]

export const requiredFields = ruleCheck(
  { id: 'required-fields', severity: 'error', description: 'the rule has a title, a logsource and a detection (a correlation or filter rule its own parts)' },
  (rule) => {
    const [type, fields] = REQUIRED.find(([key]) => key === '' || key in rule.rule)!
    const out: Finding[] = []
    for (const field of fields) {
      if (!hasField(rule, field)) out.push(atDocument(rule, `missing required field '${field}'${type ? ` for a ${type} rule` : ''}, expected ${fields.join(', ')}`))
    }
    return out
  },
)
