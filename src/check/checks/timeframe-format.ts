import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDetections } from '../rule-detections.js'

const TIMEFRAME = /^\d+[smhdM]$/

export const timeframeFormat = ruleCheck(
  { id: 'timeframe-format', severity: 'error', description: 'a timeframe is a number and a unit: 30s, 5m, 1h, 7d, 1M' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      if (!('timeframe' in detection.detection)) continue
      const value = detection.detection.timeframe
      if (typeof value === 'string' && TIMEFRAME.test(value)) continue
      out.push(atValue(rule, ['detection', 'timeframe'], `timeframe ${JSON.stringify(value)} is not a duration, expected a number followed by s, m, h, d or M (e.g. 5m)`, detection.doc))
    }
    return out
  },
)
