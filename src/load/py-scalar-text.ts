/**
 * What Python's `str()` prints for a YAML value as PyYAML (YAML 1.1, SafeLoader) loads it.
 *
 * Atomic Red Team renders its pages from PyYAML values, and the `yaml` package's 1.1 schema
 * resolves a few plain scalars differently (`y`/`n` are booleans there, `1e3` and `08` are
 * numbers, `16.0` becomes the integer 16). When the raw source of a plain scalar is known we
 * resolve it again with PyYAML's own implicit rules; otherwise we format the JS value.
 */

/** The parts of a parsed YAML scalar node we need: its raw text and how it was written. */
export interface ScalarSource {
  /** Raw text of the scalar as written (for plain scalars: the unquoted text). */
  source?: string | undefined
  /** `PLAIN`, `QUOTE_DOUBLE`, … as set by the `yaml` parser. */
  type?: string | undefined
  /** Explicit tag such as `!!str`, when one was written. */
  tag?: string | undefined
}

type Resolved =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; text: string }
  | { kind: 'float'; value: number }
  | { kind: 'timestamp'; text: string }
  | { kind: 'str'; text: string }

// PyYAML's implicit resolvers (resolver.py), in the order it tries them.
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const TRUE_WORDS = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const NULL = /^(?:~|null|Null|NULL|)$/
const TIMESTAMP =
  /^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)$/

/** Python `str()` of the value PyYAML would load for `value` (as parsed by `yaml`) and its node. */
export function pyScalarText(value: unknown, node?: ScalarSource | null): string {
  if (node && node.type === 'PLAIN' && !node.tag && typeof node.source === 'string') {
    return resolvedText(resolvePlain(node.source))
  }
  return pyStr(value)
}

/** True when PyYAML would load `value`/`node` as None (Jinja's `is none`). */
export function isPyNone(value: unknown, node?: ScalarSource | null): boolean {
  if (node && node.type === 'PLAIN' && !node.tag && typeof node.source === 'string') return resolvePlain(node.source).kind === 'null'
  return value === null || value === undefined
}

/** Python truthiness of the PyYAML value (Jinja's `{% if x %}`). */
export function isPyTruthy(value: unknown, node?: ScalarSource | null): boolean {
  if (node && node.type === 'PLAIN' && !node.tag && typeof node.source === 'string') {
    const r = resolvePlain(node.source)
    switch (r.kind) {
      case 'null': return false
      case 'bool': return r.value
      case 'int': return !/^-?0$/.test(r.text)
      case 'float': return r.value !== 0
      case 'timestamp': return true
      case 'str': return r.text.length > 0
    }
  }
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length > 0
  return true
}

/** Python `str()` of a plain JS value (no source available). */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value
  return pyRepr(value, false)
}

/** Python `repr()` (or `str()` at the top level when `quoteStrings` is false) of a JS value. */
function pyRepr(value: unknown, quoteStrings: boolean): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : pyFloatRepr(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return quoteStrings ? pyQuote(value) : value
  if (value instanceof Date) return pyDateFromJs(value)
  if (Array.isArray(value)) return `[${value.map((v) => pyRepr(v, true)).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return `{${entries.map(([k, v]) => `${pyQuote(k)}: ${pyRepr(v, true)}`).join(', ')}}`
  }
  return String(value)
}

function pyQuote(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote
}

/** Python's `repr(float)`: shortest round-trip digits, `.0` on whole numbers, exponent outside 1e-4 ≤ |x| < 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa, expText] = value.toExponential().split('e') as [string, string]
  const exponent = Number(expText)
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  const digits = mantissa.replace('-', '').replace('.', '')
  const negative = value < 0 ? '-' : ''
  let text: string
  if (exponent >= 0) {
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
    const frac = digits.slice(exponent + 1)
    text = `${intPart}.${frac || '0'}`
  } else {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`
  }
  return negative + text
}

function resolvePlain(source: string): Resolved {
  if (source === '<<' || source === '=') return { kind: 'str', text: source }
  if (BOOL.test(source)) return { kind: 'bool', value: TRUE_WORDS.test(source) }
  if (FLOAT.test(source)) return { kind: 'float', value: pyFloatValue(source) }
  if (INT.test(source)) return { kind: 'int', text: pyIntText(source) }
  if (NULL.test(source)) return { kind: 'null' }
  const ts = TIMESTAMP.exec(source)
  if (ts) return { kind: 'timestamp', text: pyTimestampText(ts) }
  return { kind: 'str', text: source }
}

function resolvedText(r: Resolved): string {
  switch (r.kind) {
    case 'null': return 'None'
    case 'bool': return r.value ? 'True' : 'False'
    case 'int': return r.text
    case 'float': return pyFloatRepr(r.value)
    case 'timestamp': return r.text
    case 'str': return r.text
  }
}

// Mirrors PyYAML's construct_yaml_int: exact (BigInt) so long ids do not lose digits.
function pyIntText(source: string): string {
  let text = source.replace(/_/g, '')
  let sign = 1n
  if (text.startsWith('-')) sign = -1n
  if (text.startsWith('-') || text.startsWith('+')) text = text.slice(1)
  let value: bigint
  if (text === '0') value = 0n
  else if (text.startsWith('0b')) value = BigInt(text)
  else if (text.startsWith('0x')) value = BigInt(text)
  else if (text.startsWith('0')) value = BigInt(`0o${text.slice(1)}`)
  else if (text.includes(':')) value = text.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n)
  else value = BigInt(text)
  return (sign * value).toString()
}

// Mirrors PyYAML's construct_yaml_float.
function pyFloatValue(source: string): number {
  let text = source.replace(/_/g, '').toLowerCase()
  let sign = 1
  if (text.startsWith('-')) sign = -1
  if (text.startsWith('-') || text.startsWith('+')) text = text.slice(1)
  if (text === '.inf') return sign * Infinity
  if (text === '.nan') return NaN
  if (text.includes(':')) return sign * text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0)
  return sign * Number(text)
}

// str() of the date / datetime PyYAML's construct_yaml_timestamp builds.
function pyTimestampText(m: RegExpExecArray): string {
  if (m[1] !== undefined) return `${m[1]}-${m[2]}-${m[3]}`
  const two = (s: string | undefined): string => (s ?? '0').padStart(2, '0')
  let text = `${m[4]}-${two(m[5])}-${two(m[6])} ${two(m[7])}:${m[8]}:${m[9]}`
  const fraction = (m[10] ?? '').slice(0, 6).padEnd(6, '0')
  if (Number(fraction) !== 0) text += `.${fraction}`
  if (m[12] !== undefined) {
    const minutes = Number(m[13]) * 60 + Number(m[14] ?? 0)
    // datetime.timezone(-delta) prints as -HH:MM; a zero offset prints +00:00.
    const sign = m[12] === '-' && minutes !== 0 ? '-' : '+'
    text += `${sign}${two(String(Math.floor(minutes / 60)))}:${two(String(minutes % 60))}`
  } else if (m[11] === 'Z') {
    text += '+00:00'
  }
  return text
}

/** Without the source we only know the instant: print it as a UTC date (or datetime when not midnight). */
function pyDateFromJs(value: Date): string {
  const iso = value.toISOString()
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10)
  const ms = value.getUTCMilliseconds()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms ? `.${String(ms * 1000).padStart(6, '0')}` : ''}+00:00`
}
