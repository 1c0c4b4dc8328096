import { ConversionFailure } from './search-tree.js'

/** Python's `json.dumps(value, indent=2)`: same layout as JSON.stringify, but non-ASCII escaped as `\uXXXX`. */
export function pythonJsonDumps(value: unknown): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // Dates reach the replacer already turned into strings by toJSON; look at the raw value instead.
    if (this[key] instanceof Date) throw new ConversionFailure('Object of type date is not JSON serializable')
    if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN'
    return v
  }, 2)
  return text.replace(/[\u007f-\uffff]/g, (ch) => (ch === '\u007f' ? ch : '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')))
}
