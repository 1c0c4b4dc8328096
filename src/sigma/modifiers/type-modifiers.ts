import { mapEachValue, type Modifier } from './modifier.js'
import { isGroup, isTyped, modFail, modOk, type ModResult, type ModValue } from './modifier-value.js'

/** Lists become OR groups of typed values; anything else goes through `one`. */
function typedEach(value: ModValue, one: (v: ModValue) => ModResult): ModResult {
  if (!Array.isArray(value)) return one(value)
  const items: ModValue[] = []
  for (const item of value) {
    const r = one(item)
    if (!r.ok) return r
    items.push(r.value)
  }
  return modOk({ kind: 'group', op: 'or', items, wrapped: true })
}

export const reModifier: Modifier = {
  name: 're',
  legacy: 'known',
  apply: (value) => typedEach(value, (v) =>
    typeof v === 'string' ? modOk({ kind: 're', pattern: v, flags: '' }) : modFail(`re expects a string, got ${describe(v)}`)),
}

function regexFlag(name: 'i' | 'm' | 's'): Modifier {
  return {
    name,
    legacy: 'unknown',
    after: 're',
    apply: (value) => {
      const add = (v: ModValue): ModValue => (isTyped(v) && v.kind === 're' && !v.flags.includes(name) ? { ...v, flags: v.flags + name } : v)
      if (isGroup(value)) return modOk({ ...value, items: value.items.map(add) })
      if (isTyped(value) && value.kind === 're') return modOk(add(value))
      return modFail(`modifier '${name}' must follow 're'`)
    },
  }
}

export const reFlagModifiers = [regexFlag('i'), regexFlag('m'), regexFlag('s')]

const CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/

export const cidrModifier: Modifier = {
  name: 'cidr',
  legacy: 'rejected',
  apply: (value) => typedEach(value, (v) =>
    typeof v === 'string' && CIDR.test(v) ? modOk({ kind: 'cidr', network: v }) : modFail(`cidr expects a network like 10.0.0.0/8, got ${describe(v)}`)),
}

export const expandModifier: Modifier = {
  name: 'expand',
  legacy: 'unknown',
  apply: (value) => typedEach(value, (v) => (typeof v === 'string' ? modOk({ kind: 'expand', template: v }) : modFail(`expand expects a string, got ${describe(v)}`))),
}

export const fieldrefModifier: Modifier = {
  name: 'fieldref',
  legacy: 'unknown',
  apply: (value) => typedEach(value, (v) => (typeof v === 'string' ? modOk({ kind: 'fieldref', field: v }) : modFail(`fieldref expects a field name, got ${describe(v)}`))),
}

export const existsModifier: Modifier = {
  name: 'exists',
  legacy: 'unknown',
  apply: (value) => (typeof value === 'boolean' ? modOk({ kind: 'exists', exists: value }) : modFail(`exists expects true or false, got ${describe(value)}`)),
}

export const casedModifier: Modifier = {
  name: 'cased',
  legacy: 'unknown',
  apply: (value) => modOk(mapEachValue(value, (v) => (typeof v === 'string' ? { kind: 'cased', value: v } : v))),
}

function comparison(op: 'gt' | 'gte' | 'lt' | 'lte'): Modifier {
  return {
    name: op,
    legacy: 'unknown',
    apply: (value) => typedEach(value, (v) =>
      typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        ? modOk({ kind: 'compare', op, value: v as number | string })
        : modFail(`${op} expects a number, got ${describe(v)}`)),
  }
}

export const comparisonModifiers = [comparison('gt'), comparison('gte'), comparison('lt'), comparison('lte')]

export const neqModifier: Modifier = {
  name: 'neq',
  legacy: 'unknown',
  apply: (value) => modOk({ kind: 'neq', value }),
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (Array.isArray(v)) return 'a list'
  if (v === null) return 'null'
  if (isTyped(v)) return `a ${v.kind} value`
  return String(v)
}
