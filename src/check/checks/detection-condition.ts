import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atKey, atValue } from '../locate.js'
import { ruleDetections } from '../rule-detections.js'

export const detectionCondition = ruleCheck(
  { id: 'detection-condition', severity: 'error', description: 'the detection has a condition: a string or a list of strings' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      const condition = detection.condition
      if (!condition) {
        out.push(atKey(rule, ['detection'], "detection has no 'condition', expected e.g. condition: selection and not filter", detection.doc))
        continue
      }
      const value = condition.value
      const ok = (typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== ''))
      if (!ok) out.push(atValue(rule, ['detection', 'condition'], `condition is ${JSON.stringify(value)}, expected a non-empty string or list of strings`, condition.doc))
    }
    return out
  },
)
