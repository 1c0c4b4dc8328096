import { mapEachValue, type Modifier } from './modifier.js'
import { modOk, type ModValue } from './modifier-value.js'

// A value ending in a backslash gets `\*` so that the backslash stays a literal one.
function addTrailingWildcard(val: string): string {
  if (val.endsWith('*')) return val
  return val.endsWith('\\') ? val + '\\*' : val + '*'
}

function addLeadingWildcard(val: string): string {
  return val.startsWith('*') ? val : '*' + val
}

/** `contains`: `*value*`. Numbers pass unchanged, as in the legacy converter. */
export const containsModifier: Modifier = {
  name: 'contains',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => (typeof v === 'string' ? addTrailingWildcard(addLeadingWildcard(v)) : v))),
}

/** `startswith`: `value*`. */
export const startswithModifier: Modifier = {
  name: 'startswith',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => onText(v, addTrailingWildcard))),
}

/** `endswith`: `*value`. */
export const endswithModifier: Modifier = {
  name: 'endswith',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => onText(v, addLeadingWildcard))),
}

function onText(v: ModValue, fn: (s: string) => string): ModValue {
  if (typeof v === 'string') return fn(v)
  if (typeof v === 'number') return fn(String(v))
  return v
}
