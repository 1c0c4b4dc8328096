import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'
import { scalarText } from '../scalar-text.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export const dateOrder = ruleCheck(
  { id: 'date-order', severity: 'warning', description: 'modified is not earlier than date' },
  (rule) =>
    ruleDocuments(rule).flatMap(({ index, doc }) => {
      if (!('date' in doc) || !('modified' in doc)) return []
      const date = scalarText(rule.documents[index], ['date'])
      const modified = scalarText(rule.documents[index], ['modified'])
      if (!date || !modified || !ISO_DATE.test(date) || !ISO_DATE.test(modified) || modified >= date) return []
      return [atValue(rule, ['modified'], `modified ${modified} is earlier than date ${date}, expected the day of the last change, on or after the creation date`, index)]
    }),
)
