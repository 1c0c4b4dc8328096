import type { FieldKind } from './rule-schema.js'

type Check = (value: unknown) => string | undefined

const isScalar = (v: unknown) => v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v)
const shape = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'empty' : v instanceof Date ? 'a date' : typeof v === 'object' ? 'a map' : `a ${typeof v}`)

const CHECKS: Record<FieldKind, Check> = {
  string: (v) => (typeof v === 'string' ? undefined : `${shape(v)}, expected a string`),
  scalar: (v) => (isScalar(v) ? undefined : `${shape(v)}, expected a single value`),
  map: (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? undefined : `${shape(v)}, expected a map`),
  list: (v) => (Array.isArray(v) ? undefined : `${shape(v)}, expected a list`),
  'string-list': (v) => {
    if (typeof v === 'string') return undefined
    if (!Array.isArray(v)) return `${shape(v)}, expected a list of strings`
    const bad = v.findIndex((item) => !isScalar(item))
    return bad < 0 ? undefined : `a list whose item ${bad + 1} is ${shape(v[bad])}, expected a list of strings`
  },
  any: () => undefined,
}

/** Says what is wrong with `value` for a field of `kind`, or nothing when it fits. */
export function checkFieldKind(value: unknown, kind: FieldKind): string | undefined {
  return CHECKS[kind](value)
}
