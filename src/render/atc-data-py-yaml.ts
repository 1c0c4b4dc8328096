import { parseAllDocuments, visit, LineCounter, Scalar, type Document, type ScalarTag } from 'yaml'
import type { Diagnostic } from '../diagnostics.js'
import type { YamlSource } from '../load/yaml-source.js'
import { PyDate, PyDateTime, PyDict, type PyValue } from './atc-data-py-value.js'

/**
 * Plain scalars resolved with PyYAML's YAML 1.1 rules rather than the `yaml` package's:
 * `y`/`n` stay strings, a float needs a dot (`1e3` is a string), ints are exact (`bigint`),
 * and dates keep their date/datetime/time-zone kind so they print like Python's.
 */
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const NULL = /^(?:~|null|Null|NULL|)$/
const TIMESTAMP_TEST =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/

const pyTags: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: NULL, resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: BOOL, resolve: (s) => (BOOL.test(s) ? /^(?:yes|true|on)$/i.test(s) : s) },
  { tag: 'tag:yaml.org,2002:int', default: true, test: INT, resolve: (s) => (INT.test(s) ? resolveInt(s) : s) },
  { tag: 'tag:yaml.org,2002:float', default: true, test: FLOAT, resolve: (s) => (FLOAT.test(s) ? resolveFloat(s) : s) },
  { tag: 'tag:yaml.org,2002:timestamp', default: true, test: TIMESTAMP_TEST, resolve: (s) => (TIMESTAMP_TEST.test(s) && resolveTimestamp(s)) || s },
]

function resolveInt(text: string): bigint | string {
  let value = text.replace(/_/g, '')
  const sign = value.startsWith('-') ? -1n : 1n
  if (value[0] === '-' || value[0] === '+') value = value.slice(1)
  try {
    if (value === '0') return 0n
    if (value.startsWith('0b')) return sign * BigInt(value)
    if (value.startsWith('0x')) return sign * BigInt(value)
    if (value.startsWith('0')) return sign * BigInt(`0o${value.slice(1)}`)
    if (value.includes(':')) return sign * value.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n)
    return sign * BigInt(value)
  } catch {
    return text // e.g. `0b_`: PyYAML fails on it; keep the text
  }
}

function resolveFloat(text: string): number {
  let value = text.replace(/_/g, '').toLowerCase()
  const sign = value.startsWith('-') ? -1 : 1
  if (value[0] === '-' || value[0] === '+') value = value.slice(1)
  if (value === '.inf') return sign * Infinity
  if (value === '.nan') return NaN
  if (value.includes(':')) return sign * value.split(':').reduce((acc, part) => acc * 60 + Number(part), 0)
  return sign * Number(value)
}

function resolveTimestamp(text: string): PyDate | PyDateTime | null {
  const m = TIMESTAMP.exec(text)
  if (!m) return null
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = m
  const date = new PyDate(Number(y), Number(mo), Number(d))
  if (!validDate(date)) return null // Python's datetime refuses it; keep the text
  if (h === undefined) return date
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)]
  if (hour > 23 || minute > 59 || second > 59) return null
  const microsecond = fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0
  let offset: number | null = null
  if (tzSign) offset = (tzSign === '-' ? -1 : 1) * (Number(tzHour) * 60 + Number(tzMinute ?? 0))
  else if (tz) offset = 0
  return new PyDateTime(date, hour, minute, second, microsecond, offset, tz === 'Z')
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function validDate(d: PyDate): boolean {
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return false
  const leap = (d.year % 4 === 0 && d.year % 100 !== 0) || d.year % 400 === 0
  return d.day <= (d.month === 2 && leap ? 29 : DAYS_IN_MONTH[d.month - 1]!)
}

export interface PyYamlDocument {
  /** The first document as PyYAML returns it; `undefined` when the text has no document. */
  value: PyValue | undefined
  source: YamlSource
  diagnostics: Diagnostic[]
}

/** Reads a file's text the way atc-data does (`yaml.load_all`, first document). */
export function parsePyYaml(path: string, text: string): PyYamlDocument {
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(text, { lineCounter, version: '1.1', schema: 'failsafe', customTags: pyTags, merge: true, uniqueKeys: false, prettyErrors: false })
  const list = Array.isArray(documents) ? documents : []
  const diagnostics: Diagnostic[] = []
  for (const doc of list) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0])
      diagnostics.push({ path, line, col, severity: 'error', message: `invalid YAML: ${error.message.split('\n')[0]}`, code: 'yaml-syntax' })
    }
  }
  const first = list[0]
  if (first) dropInventedFinalBreak(first, text)
  let value: PyValue | undefined
  if (first && first.errors.length === 0) {
    try {
      value = toPy(first.toJS({ mapAsMap: true }), 'float')
    } catch (error) {
      // e.g. an alias expanded too often: report it rather than fail the build
      const { line, col } = lineCounter.linePos(first.range[0])
      diagnostics.push({ path, line, col, severity: 'error', message: `cannot read YAML document: ${(error as Error).message}`, code: 'yaml-syntax' })
    }
  }
  return { value, source: { path, text, documents: list, lineCounter }, diagnostics }
}

/**
 * Converts `toJS({ mapAsMap: true })` output, where ints are already `bigint` and every number is a
 * float (`numbers: 'float'`), or plain JS such as a hand-made DataSource.doc, where a whole number
 * reads as an int (`numbers: 'guess'`).
 */
export function toPy(value: unknown, numbers: 'float' | 'guess' = 'guess'): PyValue {
  const convert = (item: unknown) => toPy(item, numbers)
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(convert)
  if (value instanceof Map) return new PyDict([...value].map(([k, v]) => [convert(k), convert(v)] as const))
  if (value instanceof PyDate || value instanceof PyDateTime || value instanceof PyDict) return value
  if (value instanceof Date) return fromJsDate(value)
  switch (typeof value) {
    case 'string':
    case 'bigint':
    case 'boolean':
      return value
    case 'number':
      return numbers === 'guess' && Number.isInteger(value) ? BigInt(value) : value
    case 'object':
      return new PyDict(Object.entries(value).map(([k, v]) => [k, convert(v)] as const))
    default:
      return String(value)
  }
}

// A JS Date has lost whether it was a date or a datetime: midnight UTC reads as a date.
function fromJsDate(value: Date): PyDate | PyDateTime {
  const date = new PyDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  const ms = value.getTime() % 86400000
  if (ms === 0) return date
  return new PyDateTime(date, value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds(), value.getUTCMilliseconds() * 1000, null, false)
}

/**
 * A block scalar that runs to the end of a file with no final line break: PyYAML keeps no line
 * break (there is none to keep), the `yaml` package adds one. Follow PyYAML.
 */
function dropInventedFinalBreak(doc: Document.Parsed, text: string): void {
  if (/[\r\n]$/.test(text)) return
  const lastLineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1
  if (text.slice(lastLineStart).trim() === '') return
  visit(doc, {
    Scalar(_, node) {
      const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED
      if (block && node.range && node.range[1] >= text.length && typeof node.value === 'string' && node.value.endsWith('\n')) {
        node.value = node.value.slice(0, -1)
      }
    },
  })
}
