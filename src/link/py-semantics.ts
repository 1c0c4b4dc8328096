/**
 * The few Python behaviours ATC's Data Needed code relies on, applied to plain JS values
 * (parsed YAML): iteration, `str()` for comparisons, `int()` of a title part.
 */
import { pyStr } from '../load/py-scalar-text.js'

export { pyStr }

export type PyMap = Record<string, unknown>

export function isPyMap(value: unknown): value is PyMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** Python `str`: what `isinstance(x, str)` accepts. */
export function isPyStr(value: unknown): value is string {
  return typeof value === 'string'
}

/** Python `isinstance(x, int)`: integers and booleans (bool is an int subclass). */
export function isPyInt(value: unknown): boolean {
  return typeof value === 'boolean' || typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))
}

/**
 * `for x in value`: a list gives its items, a dict its keys, a string its characters.
 * Anything else is not iterable (Python would raise): nothing.
 */
export function pyIter(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return Array.from(value)
  if (isPyMap(value)) return Object.keys(value)
  return []
}

/** Python truthiness (`if x:`). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === 0n || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (isPyMap(value)) return Object.keys(value).length > 0
  return true
}

/** `str(int(text))`, or null where Python's `int()` raises ValueError. */
export function pyIntText(text: string): string | null {
  const m = /^\s*([-+]?)(\p{Nd}+(?:_\p{Nd}+)*)\s*$/u.exec(text)
  if (!m) return null
  const digits = m[2]!.replace(/_/g, '').replace(/\p{Nd}/gu, (d) => String(decimalValue(d)))
  const value = BigInt(digits)
  return (m[1] === '-' && value !== 0n ? '-' : '') + value.toString()
}

// Unicode decimal digits come in back-to-back runs of ten, each starting at its zero.
function decimalValue(digit: string): number {
  let code = digit.codePointAt(0)!
  let run = 0
  while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
    code--
    run++
  }
  return run % 10
}

/** Python's `sorted()` for strings: by code point (JS compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1
    const cx = x.value.codePointAt(0)!
    const cy = y.value.codePointAt(0)!
    if (cx !== cy) return cx - cy
  }
}
