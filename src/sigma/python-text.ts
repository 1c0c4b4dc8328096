/**
 * How the legacy converter (Python) turns values into text. Rule values reach the queries through
 * Python's `str()`, and a few quirks print `repr()` of lists, so both are reproduced here.
 */

/** Python `str()` of a YAML scalar as PyYAML would have produced it. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return pyNumber(value)
  if (typeof value === 'string') return value
  if (value instanceof Date) return pyDate(value)
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']'
  if (value instanceof Uint8Array) return pyBytesRepr(value)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
    return '{' + entries.join(', ') + '}'
  }
  return String(value)
}

/** Python `repr()` of a value (strings quoted the way Python chooses). */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyStringRepr(value)
  if (value instanceof Date) return `datetime.date(${value.getUTCFullYear()}, ${value.getUTCMonth() + 1}, ${value.getUTCDate()})`
  return pyStr(value)
}

function pyNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n)
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  const s = String(n)
  return /[.e]/.test(s) ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s + '.0'
}

function pyDate(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0) return date
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

const REPR_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    if (REPR_ESCAPES[ch] !== undefined) out += REPR_ESCAPES[ch]
    else if (ch === quote) out += '\\' + ch
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0')
    else if (code >= 0x80 && code < 0xa0) out += '\\x' + code.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + quote
}

function pyBytesRepr(bytes: Uint8Array): string {
  let out = "b'"
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\'
    else if (b === 0x27) out += "\\'"
    else if (b === 0x0a) out += '\\n'
    else if (b === 0x0d) out += '\\r'
    else if (b === 0x09) out += '\\t'
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0')
    else out += String.fromCharCode(b)
  }
  return out + "'"
}

/** The Python type name printed in the legacy converter's error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'string') return 'str'
  if (value instanceof Date) return 'datetime.date'
  if (value instanceof Uint8Array) return 'bytes'
  if (Array.isArray(value)) return 'list'
  return 'dict'
}
