import { MODIFIERS } from '../../sigma/modifiers/registry.js'
import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { detectionItems, ruleDetections } from '../rule-detections.js'

/** The known modifier closest in spelling, for the "did you mean" hint. */
function closest(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const known of MODIFIERS.keys()) {
    const distance = editDistance(name.toLowerCase(), known)
    if (distance <= Math.max(1, Math.floor(known.length / 3)) && (!best || distance < best.distance)) best = { name: known, distance }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

export const modifierUnknown = ruleCheck(
  { id: 'modifier-unknown', severity: 'error', description: 'every value modifier (field|modifier) is one Sigma defines' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      for (const selection of detection.selections) {
        if (selection.doc !== detection.doc) continue
        for (const item of detectionItems(selection)) {
          for (const name of item.modifiers) {
            if (MODIFIERS.has(name)) continue
            const hint = closest(name)
            out.push(atKey(rule, item.path, `unknown modifier '${name}' in '${item.key}'${hint ? `, did you mean '${hint}'?` : `, expected one of ${[...MODIFIERS.keys()].join(', ')}`}`, selection.doc))
          }
        }
      }
    }
    return out
  },
)
