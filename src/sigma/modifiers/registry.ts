import { base64Modifier, base64offsetModifier, utf16beModifier, utf16leModifier, utf16Modifier, wideModifier } from './encoding-modifiers.js'
import type { Modifier } from './modifier.js'
import type { ModValue } from './modifier-value.js'
import { allModifier, windashModifier } from './structure-modifiers.js'
import {
  casedModifier, cidrModifier, comparisonModifiers, existsModifier, expandModifier, fieldrefModifier, neqModifier,
  reFlagModifiers, reModifier,
} from './type-modifiers.js'
import { containsModifier, endswithModifier, startswithModifier } from './wildcard-modifiers.js'

const ALL: Modifier[] = [
  containsModifier, startswithModifier, endswithModifier, allModifier, windashModifier,
  base64Modifier, base64offsetModifier, utf16leModifier, utf16beModifier, utf16Modifier, wideModifier,
  reModifier, ...reFlagModifiers, cidrModifier, expandModifier, fieldrefModifier, existsModifier, casedModifier,
  ...comparisonModifiers, neqModifier,
]

/** Every modifier this converter knows, by name. */
export const MODIFIERS: ReadonlyMap<string, Modifier> = new Map(ALL.map((m) => [m.name, m]))

export type ModifierChainResult =
  | { ok: true; value: ModValue }
  /** `index` is the position of the failing modifier in the chain. */
  | { ok: false; index: number; message: string; unknown: boolean }

/** Applies `names` left to right, as written after the field name (`field|contains|all`). */
export function applyModifiers(value: ModValue, names: readonly string[]): ModifierChainResult {
  let current = value
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    const modifier = MODIFIERS.get(name)
    if (!modifier) return { ok: false, index: i, message: `unknown modifier '${name}'`, unknown: true }
    if (modifier.after && !names.slice(0, i).includes(modifier.after)) {
      return { ok: false, index: i, message: `modifier '${name}' is only valid after '${modifier.after}'`, unknown: false }
    }
    const result = modifier.apply(current)
    if (!result.ok) return { ok: false, index: i, message: result.message, unknown: false }
    current = result.value
  }
  return { ok: true, value: current }
}
