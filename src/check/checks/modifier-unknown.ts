import { MODIFIERS } from '../../sigma/index.js'
import type { Finding } from '../check.js'
import { closestWord } from '../closest-word.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { ownDetectionItems } from '../rule-detections.js'

export const modifierUnknown = ruleCheck(
  { id: 'modifier-unknown', severity: 'error', description: 'every value modifier (field|modifier) is one Sigma defines' },
  (rule) => {
    const out: Finding[] = []
    for (const { selection, item } of ownDetectionItems(rule)) {
      for (const name of item.modifiers) {
        if (MODIFIERS.has(name)) continue
        const hint = closestWord(name, MODIFIERS.keys())
        out.push(atKey(rule, item.path, `unknown modifier '${name}' in '${item.key}'${hint ? `, did you mean '${hint}'?` : `, expected one of ${[...MODIFIERS.keys()].join(', ')}`}`, selection.doc))
      }
    }
    return out
  },
)
