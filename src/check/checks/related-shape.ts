import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'
import { uuidProblem } from '../uuid.js'

const TYPES = ['derived', 'obsolete', 'merged', 'renamed', 'similar']

export const relatedShape = ruleCheck(
  { id: 'related-shape', severity: 'error', description: `each related entry has an id (a UUID) and a type (${TYPES.join(', ')})` },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (!Array.isArray(doc.related)) continue
      doc.related.forEach((entry, i) => {
        if (!isMap(entry)) {
          out.push(atValue(rule, ['related', i], `related entry ${i + 1} is not a map, expected {id: UUID, type: ${TYPES.join('|')}}`, index))
          return
        }
        if (!('id' in entry)) out.push(atValue(rule, ['related', i], `related entry ${i + 1} has no id, expected the UUID of the related rule`, index))
        else {
          const problem = uuidProblem(entry.id)
          if (problem) out.push(atValue(rule, ['related', i, 'id'], `related id ${problem}`, index))
        }
        if (!('type' in entry)) out.push(atValue(rule, ['related', i], `related entry ${i + 1} has no type, expected one of ${TYPES.join(', ')}`, index))
        else if (typeof entry.type !== 'string' || !TYPES.includes(entry.type)) {
          out.push(atValue(rule, ['related', i, 'type'], `related type '${String(entry.type)}' is not valid, expected one of ${TYPES.join(', ')}`, index))
        }
      })
    }
    return out
  },
)
