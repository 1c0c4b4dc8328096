import { ConversionFailure } from './search-tree.js'

const NON_ASCII = /[\u0080-\uffff]/g

/** Python's `json.dumps(value, indent=2)`: same layout as JSON.stringify, but non-ASCII escaped as `\uXXXX`. */
export function pythonJsonDumps(value: unknown): string {
  assertSerializable(value)
  const text = JSON.stringify(value, null, 2)
  return NON_ASCII.test(text) ? text.replace(NON_ASCII, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')) : text
}

/** Python refuses dates (PyYAML reads `2024-01-01` as one); JSON.stringify would print an ISO string. */
function assertSerializable(value: unknown): void {
  if (value instanceof Date) throw new ConversionFailure('Object of type date is not JSON serializable')
  if (Array.isArray(value)) for (const v of value) assertSerializable(v)
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) assertSerializable(v)
}
