import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

// SigmaHQ keeps titles to 110 characters; the Sigma specification allows at most 256.
const CONVENTION = 110
const MAXIMUM = 256

export const titleLength = ruleCheck(
  { id: 'title-length', severity: 'warning', description: `the title is short: at most ${CONVENTION} characters (SigmaHQ), never more than ${MAXIMUM} (Sigma specification)` },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (typeof doc.title !== 'string') continue
      const length = [...doc.title].length
      if (length > MAXIMUM) out.push({ ...atValue(rule, ['title'], `title is ${length} characters long, expected at most ${MAXIMUM}`, index), severity: 'error' })
      else if (length > CONVENTION) out.push(atValue(rule, ['title'], `title is ${length} characters long, expected at most ${CONVENTION} (move details to the description)`, index))
    }
    return out
  },
)
