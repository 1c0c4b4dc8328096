/**
 * What Ruby's `to_s` prints for a YAML value as Psych (Ruby's YAML 1.1 loader) loads it.
 *
 * The Atomic Red Team pages are rendered by Ruby from Psych values: `nil` prints as '', `true`
 * as `true`, `16.0` as `16.0`. Psych resolves some plain scalars differently from the `yaml`
 * package's 1.1 schema (`y`/`n`, `1e3` and `08` stay strings; `1,000`, `yEs`, `NuLL` and `:sym`
 * do not), so when the raw text of a plain scalar is known we resolve it again with Psych's rules.
 */

/** The parts of a parsed YAML scalar node we need. */
export interface ScalarSource {
  /** Text of the scalar as written (for plain scalars: the unquoted text). */
  source?: string | undefined
  /** `PLAIN`, `QUOTE_DOUBLE`, … as set by the `yaml` parser. */
  type?: string | undefined
  /** Explicit tag such as `!!str`, when one was written. */
  tag?: string | undefined
}

/** What Psych loads, as far as printing it goes: nil, a boolean, or anything else by its `to_s`. */
type Loaded =
  | { kind: 'nil' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'text'; text: string }

/**
 * True for a string value the `yaml` package kept as text but Psych may not (`1,000`, `yEs`, `:x`):
 * only then is the source worth a look.
 */
export function mayLoadAsNonString(text: string): boolean {
  return /^:|^[-+]?[0-9][0-9_,]*(?:\.[0-9]*)?$|^(?:yes|no|true|false|on|off|null)$/i.test(text)
}

/** Ruby `to_s` of the value Psych would load for `value` (as parsed by `yaml`) and its node. */
export function rubyScalarText(value: unknown, node?: ScalarSource | null): string {
  const loaded = plainSource(node)
  if (loaded !== null) {
    const r = psychResolve(loaded)
    return r.kind === 'nil' ? '' : r.kind === 'bool' ? String(r.value) : r.text
  }
  return rubyToS(value)
}

export function isRubyNil(value: unknown, node?: ScalarSource | null): boolean {
  const loaded = plainSource(node)
  if (loaded !== null) return psychResolve(loaded).kind === 'nil'
  return value === null || value === undefined
}

/** Ruby truthiness: only nil and false are false (`0` and '' are true). */
export function isRubyTruthy(value: unknown, node?: ScalarSource | null): boolean {
  const loaded = plainSource(node)
  if (loaded !== null) {
    const r = psychResolve(loaded)
    return r.kind === 'nil' ? false : r.kind === 'bool' ? r.value : true
  }
  return !(value === null || value === undefined || value === false)
}

function plainSource(node: ScalarSource | null | undefined): string | null {
  return node && node.type === 'PLAIN' && !node.tag && typeof node.source === 'string' ? node.source : null
}

/** Ruby `to_s` of a plain JS value (no source available). */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  return rubyInspect(value)
}

function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : rubyFloatText(value)
  if (value instanceof Date) return dateText(value)
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)} => ${rubyInspect(v)}`).join(', ')}}`
  }
  return String(value)
}

/** Ruby's `Float#to_s`: shortest round-trip digits, always a fraction, exponent form outside 1e-4 ≤ |x| < 1e16. */
export function rubyFloatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa, expText] = value.toExponential().split('e') as [string, string]
  const sign = value < 0 ? '-' : ''
  const digits = mantissa.replace('-', '').replace('.', '')
  const decpt = Number(expText) + 1
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`
    return `${sign}${digits.slice(0, decpt).padEnd(decpt, '0')}.${digits.slice(decpt) || '0'}`
  }
  const exp = decpt - 1
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
}

// Psych::ScalarScanner's patterns (Ruby 3.x), tried in its order.
const STRINGISH = /^[^\d.:-]?[A-Za-z_\s!@#$%^&*(){}<>|/\\~;=]+/
const TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/
const DATE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+$/
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$/
const FLOAT = /^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_,]*(:[0-5]?[0-9])+\.[0-9_]*)$/
const INTEGER = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$/

function psychResolve(text: string): Loaded {
  const str: Loaded = { kind: 'text', text }
  if (text === '') return { kind: 'nil' }
  if (STRINGISH.test(text) || text.includes('\n')) {
    if (text.length > 5 || /^[^ytonf~]/i.test(text)) return str
    if (text === '~' || /^null$/i.test(text)) return { kind: 'nil' }
    if (/^(?:yes|true|on)$/i.test(text)) return { kind: 'bool', value: true }
    if (/^(?:no|false|off)$/i.test(text)) return { kind: 'bool', value: false }
    return str
  }
  if (TIME.test(text)) return timeText(text) ?? str
  const date = DATE.exec(text)
  if (date) return validDate(Number(date[1]), Number(date[2]), Number(date[3])) ? { kind: 'text', text: ymd(Number(date[1]), Number(date[2]), Number(date[3])) } : str
  if (/^\.inf$/i.test(text)) return float(Infinity)
  if (/^-\.inf$/i.test(text)) return float(-Infinity)
  if (/^\.nan$/i.test(text)) return float(NaN)
  if (/^:./.test(text)) {
    const quoted = /^:(["'])(.*)\1/.exec(text)
    return { kind: 'text', text: quoted ? quoted[2]!.replace(/^:/, '') : text.slice(1) }
  }
  if (SEXAGESIMAL_INT.test(text)) return { kind: 'text', text: sexagesimalInt(text).toString() }
  if (SEXAGESIMAL_FLOAT.test(text)) return float(sexagesimalFloat(text))
  if (FLOAT.test(text)) {
    if (/^[-+]?\.$/.test(text)) return str
    const n = Number(text.replace(/[,_]|\.$/g, ''))
    return Number.isNaN(n) ? str : float(n)
  }
  const intText = text.replace(/[,_]/g, '')
  if (INTEGER.test(intText)) return { kind: 'text', text: rubyInteger(intText).toString() }
  return str
}

function float(value: number): Loaded {
  return { kind: 'text', text: rubyFloatText(value) }
}

// Psych sums part × 60^|index − 2| (so `1:30` loads as 1×3600 + 30×60): kept as Psych does it.
function sexagesimalInt(text: string): bigint {
  return text.split(':').reduce((acc, part, e) => acc + BigInt(rubyToI(part)) * 60n ** BigInt(Math.abs(e - 2)), 0n)
}

function sexagesimalFloat(text: string): number {
  return text.split(':').reduce((acc, part, e) => acc + (Number.parseFloat(part.replace(/_/g, '')) || 0) * 60 ** Math.abs(e - 2), 0)
}

/** Ruby `String#to_i`: the leading integer (underscores allowed), 0 when there is none. */
function rubyToI(text: string): string {
  const m = /^[-+]?\d+(?:_\d+)*/.exec(text)
  return m ? m[0].replace(/_/g, '').replace(/^\+/, '') : '0'
}

/** Ruby `Integer(text)`: 0b, 0x and leading-0 octal prefixes. */
function rubyInteger(text: string): bigint {
  const negative = text.startsWith('-')
  const body = text.replace(/^[-+]/, '')
  let n: bigint
  if (/^0[bx]/i.test(body)) n = BigInt(body)
  else if (/^0\d/.test(body)) n = BigInt(`0o${body.slice(1)}`)
  else n = BigInt(body)
  return negative ? -n : n
}

// Psych builds a Time; Time#to_s prints `YYYY-MM-DD HH:MM:SS UTC` for `Z`, else local time (taken as UTC here).
function timeText(text: string): Loaded | null {
  // Ruby's split(/[ tT]/, 2) keeps the remainder whole (JS's limit would drop it).
  const cut = text.search(/[ tT]/)
  const d = /^(-?\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.slice(0, cut))
  const t = /(\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)?/.exec(text.slice(cut + 1))
  if (!d || !t) return null
  const [hh, mm, ss] = t[1]!.split(':').map(Number) as [number, number, number]
  let ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hh, mm, ss)
  if (t[3] === 'Z') return { kind: 'text', text: `${stamp(ms)} UTC` }
  if (t[3]) {
    const tz = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(t[3])
    if (!tz) return null
    const hours = Number(tz[1])
    const minutes = Number(tz[2] ?? 0)
    ms -= (hours * 3600 + (hours < 0 ? -minutes : minutes) * 60) * 1000
  }
  return { kind: 'text', text: `${stamp(ms)} +0000` }
}

function stamp(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Without the source only the instant is known: a UTC date, or a UTC time when not midnight. */
function dateText(value: Date): string {
  const iso = value.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${stamp(value.getTime())} UTC`
}
