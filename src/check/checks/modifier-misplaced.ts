import { applyModifiers, MODIFIERS } from '../../sigma/index.js'
import type { ModValue } from '../../sigma/index.js'
import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atKey } from '../locate.js'
import { ownDetectionItems } from '../rule-detections.js'

// Whether a modifier places wildcards around a value (contains, startswith, endswith): asked of the registry, not listed here.
const placesWildcards = new Map([...MODIFIERS.values()].map((m) => {
  const probe = m.apply('x')
  return [m.name, probe.ok && typeof probe.value === 'string' && probe.value.includes('*')]
}))

/** Why a known modifier chain does not work, or undefined. */
function chainProblem(modifiers: readonly string[], value: unknown): { message: string; harmless?: boolean } | undefined {
  const message = chainError(modifiers, value)
  if (message) return { message }
  // SigmaHQ flags this too, though the rule still works.
  if (modifiers.includes('all') && !Array.isArray(value)) return { message: "modifier 'all' is given a single value, expected a list of values that must all match", harmless: true }
  return undefined
}

function chainError(modifiers: readonly string[], value: unknown): string | undefined {
  const repeated = modifiers.find((m, i) => modifiers.indexOf(m) !== i)
  if (repeated) return `modifier '${repeated}' is given twice`
  const wildcards = modifiers.filter((m) => placesWildcards.get(m))
  if (wildcards.length > 1) return `modifiers '${wildcards.join("' and '")}' both place wildcards, expected only one of them`
  for (let i = 1; i < modifiers.length; i++) {
    // A modifier after one that turned the value into a typed value (regex, cidr, number comparison…) cannot change it.
    const before = applyModifiers(value as ModValue, modifiers.slice(0, i))
    const after = applyModifiers(value as ModValue, modifiers.slice(0, i + 1))
    if (before.ok && after.ok && isTypedLeaf(before.value) && JSON.stringify(before.value) === JSON.stringify(after.value) && !MODIFIERS.get(modifiers[i]!)?.after) {
      return `modifier '${modifiers[i]}' has no effect after '${modifiers.slice(0, i).join('|')}'`
    }
  }
  const result = applyModifiers(value as ModValue, modifiers)
  return !result.ok && !result.unknown ? result.message : undefined
}

function isTypedLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(isTypedLeaf)
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof Uint8Array) return false
  const kind = (value as { kind?: unknown }).kind
  if (kind === 'group') return (value as { items: unknown[] }).items.every(isTypedLeaf)
  return typeof kind === 'string'
}

export const modifierMisplaced = ruleCheck(
  { id: 'modifier-misplaced', severity: 'error', description: 'modifiers are combined in a way that works: each once, one wildcard modifier, flags after re, values of the right type, all with a list' },
  (rule) => {
    const out: Finding[] = []
    for (const { selection, item } of ownDetectionItems(rule)) {
      if (item.modifiers.length === 0 || item.modifiers.some((m) => !MODIFIERS.has(m))) continue
      const problem = chainProblem(item.modifiers, item.value)
      if (problem) out.push({ ...atKey(rule, item.path, `'${item.key}': ${problem.message}`, selection.doc), ...(problem.harmless ? { severity: 'warning' as const } : {}) })
    }
    return out
  },
)
