import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { conditionNames, patternMatches, ruleConditions } from '../rule-conditions.js'
import { ruleDetections } from '../rule-detections.js'

export const selectionUnused = ruleCheck(
  { id: 'selection-unused', severity: 'warning', description: 'every selection is used by the condition (an unused one is usually a forgotten filter)' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      const conditions = ruleConditions(detection)
      if (conditions.length === 0 || conditions.some((c) => !c.parsed.ok)) continue
      const names = detection.selections.map((s) => s.name)
      const used = new Set(conditions.flatMap((c) => (c.parsed.ok ? conditionNames(c.parsed.value) : [])).flatMap((r) => (r.pattern ? patternMatches(r.name, names) : [r.name])))
      for (const selection of detection.selections) {
        if (selection.doc !== detection.doc || used.has(selection.name)) continue
        out.push(atKey(rule, ['detection', selection.name], `selection '${selection.name}' is not used by the condition '${conditions.map((c) => c.text).join("', '")}'`, selection.doc))
      }
    }
    return out
  },
)
