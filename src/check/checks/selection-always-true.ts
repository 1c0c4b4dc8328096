import { applyModifiers } from '../../sigma/index.js'
import type { ModValue } from '../../sigma/index.js'
import type { Finding } from '../check.js'
import { compileSigmaRegex } from '../compile-sigma-regex.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { isMap } from '../is-map.js'
import { detectionItems, itemValues, ruleDetections, type DetectionItem } from '../rule-detections.js'

const ONLY_WILDCARDS = /^\*+$/
const PROBES = ['', 'x', 'Some Other Value\nwith a second line']

/** Whether one value (after its modifiers) matches whatever the field holds. */
function matchesAnything(value: unknown, modifiers: readonly string[]): boolean {
  if (modifiers.includes('re')) {
    if (typeof value !== 'string') return false
    const compiled = compileSigmaRegex(value, modifiers.slice(modifiers.indexOf('re') + 1))
    return compiled.ok && PROBES.every((p) => compiled.regex.test(p))
  }
  const shaping = modifiers.filter((m) => m !== 'all')
  const result = applyModifiers(value as ModValue, shaping)
  return result.ok && typeof result.value === 'string' && ONLY_WILDCARDS.test(result.value)
}

function itemMatchesAnything(item: DetectionItem): boolean {
  const values = itemValues(item)
  if (values.length === 0) return false
  const test = (v: unknown) => matchesAnything(v, item.modifiers)
  return item.modifiers.includes('all') ? values.every(test) : values.some(test)
}

/** A map (all its items must match) or a list (any entry may match) that lets every event through. */
function alwaysTrue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(alwaysTrue)
  if (isMap(value)) {
    const items = detectionItems({ name: '', value, doc: 0 })
    return items.length > 0 && items.every(itemMatchesAnything)
  }
  return (typeof value === 'string' || typeof value === 'number') && matchesAnything(value, [])
}

export const selectionAlwaysTrue = ruleCheck(
  { id: 'selection-always-true', severity: 'warning', description: "no selection matches every event (only '*' values, contains '' or a regex that matches anything)" },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      for (const selection of detection.selections) {
        if (selection.doc !== detection.doc || !alwaysTrue(selection.value)) continue
        const fields = [...new Set(detectionItems(selection).flatMap((i) => i.field ?? []))]
        const scope = fields.length ? `that has ${fields.join(', ')}` : ''
        out.push(atKey(rule, ['detection', selection.name], `selection '${selection.name}' matches every event${scope ? ` ${scope}` : ''}: its values are wildcards or patterns that match anything`, selection.doc))
      }
    }
    return out
  },
)
