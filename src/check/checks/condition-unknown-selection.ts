import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atConditionOffset, conditionNames, patternMatches, ruleConditions } from '../rule-conditions.js'
import { ruleDetections } from '../rule-detections.js'

export const conditionUnknownSelection = ruleCheck(
  { id: 'condition-unknown-selection', severity: 'error', description: 'every name in the condition is a selection of the detection; every 1 of/all of pattern matches one' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      const names = detection.selections.map((s) => s.name)
      for (const condition of ruleConditions(detection)) {
        if (!condition.parsed.ok) continue
        for (const ref of conditionNames(condition.parsed.value)) {
          if (ref.pattern ? patternMatches(ref.name, names).length > 0 : names.includes(ref.name)) continue
          const known = names.length ? names.join(', ') : 'none'
          const what = ref.pattern ? `pattern '${ref.name}' matches no selection` : `'${ref.name}' is not a selection of this detection`
          out.push(atConditionOffset(rule, condition, ref.offset, `condition ${what}; defined: ${known}`))
        }
      }
    }
    return out
  },
)
