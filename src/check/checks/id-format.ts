import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'
import { uuidProblem } from '../uuid.js'

export const idFormat = ruleCheck(
  { id: 'id-format', severity: 'error', description: 'the id is a UUID in lower case' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (!('id' in doc) || doc.id === null) continue
      const problem = uuidProblem(doc.id)
      if (problem) out.push({ ...atValue(rule, ['id'], `id ${problem}`, index), severity: problem.includes('upper case') ? 'warning' : 'error' })
    }
    return out
  },
)
