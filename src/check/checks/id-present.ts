import { ruleCheck } from '../define-check.js'
import { atDocument } from '../locate.js'
import { hasField } from '../rule-documents.js'

export const idPresent = ruleCheck(
  { id: 'id-present', severity: 'error', description: 'the rule has an id (the stable name other rules and tools refer to)' },
  (rule) => (hasField(rule, 'id') ? [] : [atDocument(rule, "missing 'id', expected a UUID (generate one, e.g. with `uuidgen`)")]),
)
