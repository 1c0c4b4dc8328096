import { ruleCheck } from '../define-check.js'
import { atDocument, atValue } from '../locate.js'
import { hasField } from '../rule-documents.js'

export const descriptionPresent = ruleCheck(
  { id: 'description-present', severity: 'warning', description: 'the rule has a description (the card shows it under the title)' },
  (rule) => {
    if (!hasField(rule, 'description')) return [atDocument(rule, "missing 'description', expected a sentence or two on what the rule detects and why")]
    const text = rule.rule.description
    if (typeof text === 'string' && text.trim() === '') return [atValue(rule, ['description'], 'description is blank, expected what the rule detects and why')]
    return []
  },
)
