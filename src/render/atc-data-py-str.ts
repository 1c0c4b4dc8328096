import { PyDate, PyDateTime, PyDict, type PyValue } from './atc-data-py-value.js'

/**
 * What jinja2's `{{ value }}` prints for a Python value (Python's `str()`): strings as they are,
 * `None`, `True`, floats the way Python writes them, containers with their items' `repr()`.
 */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value
  if (value instanceof PyDate) return dateText(value)
  if (value instanceof PyDateTime) return dateTimeText(value)
  return pyRepr(value)
}

/** Python's `repr()`, used for the items of a printed list or dict. */
export function pyRepr(value: PyValue): string {
  return reprHandlers[kindOf(value)](value as never)
}

type Kind = 'string' | 'int' | 'float' | 'bool' | 'none' | 'date' | 'datetime' | 'list' | 'dict'

function kindOf(value: PyValue): Kind {
  if (value === null) return 'none'
  if (Array.isArray(value)) return 'list'
  if (value instanceof PyDict) return 'dict'
  if (value instanceof PyDate) return 'date'
  if (value instanceof PyDateTime) return 'datetime'
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float'
    default:
      return 'bool'
  }
}

const reprHandlers: { [K in Kind]: (value: never) => string } = {
  string: (value: string) => stringRepr(value),
  int: (value: bigint) => value.toString(),
  float: (value: number) => floatRepr(value),
  bool: (value: boolean) => (value ? 'True' : 'False'),
  none: () => 'None',
  date: (value: PyDate) => `datetime.date(${value.year}, ${value.month}, ${value.day})`,
  datetime: (value: PyDateTime) => dateTimeRepr(value),
  list: (value: PyValue[]) => `[${value.map(pyRepr).join(', ')}]`,
  dict: (value: PyDict) => `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`,
}

/** Python's float repr: shortest round-trip digits, scientific below 1e-4 and from 1e16 on. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa, exp] = value.toExponential().split('e') as [string, string]
  const exponent = Number(exp)
  const sign = mantissa.startsWith('-') ? '-' : ''
  const digits = mantissa.replace(/[-.]/g, '')
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : ''
    const expText = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${digits[0]}${rest}e${exponent < 0 ? '-' : '+'}${expText}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
  const fraction = digits.slice(exponent + 1)
  return `${sign}${whole}.${fraction || '0'}`
}

// Python's str.isprintable(): everything but "Other" and "Separator" categories, except the space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function stringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of value) {
    if (ch === quote) out += `\\${ch}`
    else if (ESCAPES[ch]) out += ESCAPES[ch]
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) out += codePointEscape(ch.codePointAt(0)!)
    else out += ch
  }
  return out + quote
}

function codePointEscape(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`
  return `\\U${cp.toString(16).padStart(8, '0')}`
}

const two = (n: number) => String(n).padStart(2, '0')

function dateText(d: PyDate): string {
  return `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`
}

function dateTimeText(t: PyDateTime): string {
  const fraction = t.microsecond ? `.${String(t.microsecond).padStart(6, '0')}` : ''
  return `${dateText(t.date)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}${fraction}${offsetText(t)}`
}

function offsetText(t: PyDateTime): string {
  if (t.offsetMinutes === null) return ''
  const abs = Math.abs(t.offsetMinutes)
  return `${t.offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
}

function dateTimeRepr(t: PyDateTime): string {
  const parts = [t.date.year, t.date.month, t.date.day, t.hour, t.minute]
  if (t.second || t.microsecond) parts.push(t.second)
  if (t.microsecond) parts.push(t.microsecond)
  let text = `datetime.datetime(${parts.join(', ')}`
  if (t.offsetMinutes !== null) text += `, tzinfo=${timezoneRepr(t.offsetMinutes)}`
  return `${text})`
}

// PyYAML builds `timezone(timedelta(...))`; a zero offset is the `timezone.utc` singleton.
function timezoneRepr(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'datetime.timezone.utc'
  const seconds = offsetMinutes * 60
  const days = Math.floor(seconds / 86400)
  const rest = seconds - days * 86400
  const fields = [days ? `days=${days}` : '', rest ? `seconds=${rest}` : ''].filter(Boolean)
  return `datetime.timezone(datetime.timedelta(${fields.join(', ')}))`
}

// Python's str.isspace() set, which differs from JS trim(): it adds \x1c-\x1f and \x85 and leaves \ufeff.
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g')

/** Python's `str.strip()`. */
export function pyStrip(value: string): string {
  return value.replace(PY_STRIP, '')
}
