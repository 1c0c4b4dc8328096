import type { TypedValue } from '../../sigma/modifiers/modifier-value.js'
import { pyStr } from '../../sigma/python-text.js'
import type { QueryWriter } from '../text-backend.js'

const RANGE: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' }

/** Query-string forms of the modifiers the legacy converter did not know. */
export function elasticExtendedMap(w: QueryWriter, field: string, value: TypedValue): string | null {
  const esc = w.backend.escape
  switch (value.kind) {
    case 'cidr':
      return `${field}:"${value.network}"`
    case 'compare':
      return `${field}:${RANGE[value.op]}${esc(pyStr(value.value))}`
    case 'exists':
      return value.exists ? `_exists_:${field}` : `NOT _exists_:${field}`
    case 'neq':
      return typeof value.value === 'string' || typeof value.value === 'number' ? `(NOT ${field}:"${esc(pyStr(value.value))}")` : null
    case 'cased': {
      const keyword = field.endsWith('.keyword') ? field : field + '.keyword'
      return `${keyword}:${esc(value.value)}`
    }
    default:
      return null
  }
}
