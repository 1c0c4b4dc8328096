import { mapEachValue, type Modifier } from './modifier.js'
import { isGroup, modOk, type ModValue } from './modifier-value.js'

const WORD_CHAR = /[\p{L}\p{N}_]/u
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch)

/** Positions of `-` or `/` that start a Windows-style switch: not after a word character, before one. */
function switchPositions(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if ((ch === '-' || ch === '/') && !isWord(s[i - 1]) && isWord(s[i + 1])) out.push(i)
  }
  return out
}

/** Every spelling of `s` with each switch character as `-` or `/` (first switch varies slowest). */
export function windashVariants(s: string): string[] {
  let variants = ['']
  let from = 0
  for (const pos of switchPositions(s)) {
    const chunk = s.slice(from, pos)
    variants = variants.flatMap((prefix) => [prefix + chunk + '-', prefix + chunk + '/'])
    from = pos + 1
  }
  return variants.map((prefix) => prefix + s.slice(from))
}

/** `windash`: `-param` and `/param` both match (a parenthesised OR group when there is a switch). */
export const windashModifier: Modifier = {
  name: 'windash',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => {
    if (typeof v !== 'string' || switchPositions(v).length === 0) return v
    return { kind: 'group', op: 'or', items: windashVariants(v), wrapped: true }
  })),
}

/** `all`: every listed value must match (AND instead of the default OR). */
export const allModifier: Modifier = {
  name: 'all',
  legacy: 'known',
  apply: (value) => {
    if (Array.isArray(value)) return modOk({ kind: 'group', op: 'and', items: value, wrapped: false })
    if (isGroup(value)) return modOk({ kind: 'group', op: 'and', items: value.items, wrapped: false })
    return modOk(value as ModValue)
  },
}
