import type { ModResult, ModValue } from './modifier-value.js'
import { isGroup } from './modifier-value.js'

/**
 * One Sigma value modifier. `legacy` records how the legacy converter treated it: `known` modifiers it
 * applied, `unknown` ones made it fail (it had no such modifier), `rejected` ones it refused on purpose.
 */
export interface Modifier {
  name: string
  legacy: 'known' | 'unknown' | 'rejected'
  /** Modifiers that only make sense after another one (e.g. `i` after `re`). */
  after?: string
  apply(value: ModValue): ModResult
}

/**
 * Applies `fn` to each plain value: lists are mapped and flattened one level (as the legacy
 * list-or-string modifiers did), value groups keep their shape with their items mapped.
 */
export function mapEachValue(value: ModValue, fn: (v: ModValue) => ModValue): ModValue {
  if (Array.isArray(value)) {
    const out: ModValue[] = []
    for (const item of value) {
      const mapped = mapEachValue(item, fn)
      if (Array.isArray(mapped)) out.push(...mapped)
      else out.push(mapped)
    }
    return out
  }
  if (isGroup(value)) return { ...value, items: value.items.map((item) => mapEachValue(item, fn)) }
  return fn(value)
}
