import { PYYAML_FALSE, PYYAML_FLOAT, PYYAML_FLOAT_EXP, PYYAML_INT_DEC, PYYAML_TRUE } from './pyyaml-tags.js'
import { FAILSAFE_SCHEMA, NOT_RESOLVED, constructFromEvents, defineMappingTag, defineScalarTag, defineSequenceTag, parseEvents, type Event } from 'js-yaml'

/**
 * A fast reader for the common case, giving exactly what `parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })`
 * + `toJS()` of the `yaml` package gives, about 2.5× faster. It has no positions and declines (returns
 * `undefined`) whenever it could differ: syntax errors, explicit tags, aliases, merge keys, keys that
 * are collections. Callers then take the `yaml` path, which also gives positioned diagnostics.
 */
export function fastYamlDocuments(text: string): unknown[] | undefined {
  return fastYamlParse(text)?.documents
}

/** fastYamlDocuments with the js-yaml events they were made from (ScalarIndex reads the same events). */
export function fastYamlParse(text: string): { documents: unknown[]; events: Event[] } | undefined {
  try {
    // What js-yaml's loadAll does, keeping the events: the parser takes none of these options.
    const events = parseEvents(text, {})
    return { documents: constructFromEvents(events, { ...OPTIONS, source: text }), events }
  } catch {
    return undefined
  }
}

class Decline extends Error {}

// The `yaml` package's YAML 1.1 scalar resolution (schema/yaml-1.1) with PyYAML's differences, in its order of precedence.
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const TRUE = PYYAML_TRUE
const FALSE = PYYAML_FALSE
const INT_BIN = /^[-+]?0b[0-1_]+$/
const INT_OCT = /^[-+]?0[0-7_]+$/
const INT_DEC = PYYAML_INT_DEC
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
const FLOAT_EXP = PYYAML_FLOAT_EXP
const FLOAT = PYYAML_FLOAT
const INT_TIME = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/
const FLOAT_TIME = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/
const TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/

function intValue(text: string, prefix: number, radix: number): number {
  const sign = text[0]
  const digits = text.substring(sign === '-' || sign === '+' ? prefix + 1 : prefix).replace(/_/g, '')
  const n = parseInt(digits, radix)
  return sign === '-' ? -1 * n : n
}

function sexagesimal(text: string): number {
  const sign = text[0]
  const parts = sign === '-' || sign === '+' ? text.substring(1) : text
  const value = parts.replace(/_/g, '').split(':').reduce((acc, p) => acc * 60 + Number(p), 0)
  return sign === '-' ? -1 * value : value
}

function timestamp(text: string): Date {
  const match = TIMESTAMP.exec(text)!
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[]
  const millisec = match[7] ? Number(`${match[7]}00`.substring(1, 4)) : 0
  let date = Date.UTC(year!, month! - 1, day!, hour || 0, minute || 0, second || 0, millisec)
  const zone = match[8]
  if (zone && zone !== 'Z') {
    let offset = sexagesimal(zone)
    if (Math.abs(offset) < 30) offset *= 60
    date -= 60000 * offset
  }
  return new Date(date)
}

/** A plain scalar's value as the `yaml` package's YAML 1.1 schema resolves it (text when no type matches). */
export function resolvePlainScalar(text: string): unknown {
  const value = resolvePlain(text)
  return value === NOT_RESOLVED ? text : value
}

/** First match wins, as in the `yaml` package's plain-scalar resolution. */
function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null
  if (TRUE.test(text)) return true
  if (FALSE.test(text)) return false
  if (INT_BIN.test(text)) return intValue(text, 2, 2)
  if (INT_OCT.test(text)) return intValue(text, 1, 8)
  if (INT_DEC.test(text)) return intValue(text, 0, 10)
  if (INT_HEX.test(text)) return intValue(text, 2, 16)
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text.replace(/_/g, ''))
  if (INT_TIME.test(text) || FLOAT_TIME.test(text)) return sexagesimal(text)
  if (TIMESTAMP.test(text)) return timestamp(text)
  return NOT_RESOLVED
}

/** Every non-string plain scalar goes through one tag, so precedence is ours, not the schema's. */
const plainTag = defineScalarTag<unknown>('tag:analytics-wiki,2024:yaml11-plain', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N', 'y', 'Y', 't', 'T', 'o', 'O', 'f', 'F', '-', '+', '.', ...'0123456789'],
  resolve: (text, isExplicit) => (isExplicit ? NOT_RESOLVED : resolvePlain(text)),
  identify: () => false,
})

const strTag = defineScalarTag<string>('tag:yaml.org,2002:str', {
  resolve: (text, isExplicit) => {
    if (isExplicit) throw new Decline('explicit !!str')
    return text
  },
  identify: (value) => typeof value === 'string',
})

const seqTag = defineSequenceTag<unknown[]>('tag:yaml.org,2002:seq', {
  create: (tagName) => {
    if (tagName !== 'tag:yaml.org,2002:seq') throw new Decline(`tag ${tagName}`)
    return []
  },
  addItem: (list, item) => {
    list.push(item)
  },
  identify: Array.isArray,
})

/** How the `yaml` package turns a scalar key into an object key; collections as keys are declined. */
function keyText(key: unknown): string {
  if (key === null) return ''
  // A date or a collection as a key is stringified by the `yaml` package's own printer: leave it to it.
  if (typeof key === 'object') throw new Decline('date or collection as a mapping key')
  return String(key)
}

const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: (tagName) => {
    if (tagName !== 'tag:yaml.org,2002:map') throw new Decline(`tag ${tagName}`)
    return {}
  },
  addPair: (map, key, value) => {
    // `<<` is a merge key for the `yaml` package; leave merging to it.
    if (key === '<<') return 'merge key'
    const name = keyText(key)
    if (name in map) Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true })
    else map[name] = value
    return ''
  },
  has: (map, key) => Object.prototype.hasOwnProperty.call(map, keyText(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[keyText(key)],
  identify: (value) => typeof value === 'object' && value !== null,
})

const SCHEMA = FAILSAFE_SCHEMA.withTags(strTag, seqTag, mapTag, plainTag)
// Aliases are left to the `yaml` package, which limits how often they expand.
const OPTIONS = { schema: SCHEMA, json: true, maxAliases: 0 }
