import { ruleCheck } from '../define-check.js'
import { atConditionOffset, ruleConditions } from '../rule-conditions.js'
import { ruleDetections } from '../rule-detections.js'

export const conditionSyntax = ruleCheck(
  { id: 'condition-syntax', severity: 'error', description: 'the condition parses: identifiers joined by and/or/not, parentheses, 1 of/all of, an optional | aggregation' },
  (rule) =>
    ruleDetections(rule).flatMap((detection) =>
      ruleConditions(detection).flatMap((condition) =>
        condition.parsed.ok ? [] : [atConditionOffset(rule, condition, condition.parsed.error.offset, `condition '${condition.text}' does not parse: ${condition.parsed.error.message} (at character ${condition.parsed.error.offset + 1})`)],
      ),
    ),
)
