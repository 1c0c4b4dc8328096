import type { Aggregation } from '../../sigma/condition-ast.js'
import type { TypedValue } from '../../sigma/modifiers/modifier-value.js'
import { pyStr } from '../../sigma/python-text.js'
import { ConversionFailure } from '../search-tree.js'
import { isPlain, type QueryWriter, type TextBackend } from '../text-backend.js'
import { escaper } from './es-qs.js'
import { SPLUNK_ESCAPE } from './splunk.js'

function logpointAggregation(agg: Aggregation): string {
  if (agg.kind === 'near') throw new ConversionFailure("The 'near' aggregation operator is not yet implemented for this backend", 'unsupported')
  const by = agg.groupBy === null ? '' : ` by ${agg.groupBy}`
  return ` | chart ${agg.func}(${agg.field ?? ''}) as val${by} | search val ${agg.operator} ${agg.value}`
}

const COMPARE: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' }

function logpointExtended(w: QueryWriter, field: string, value: TypedValue): string | null {
  switch (value.kind) {
    case 'compare':
      return `${field}${COMPARE[value.op]}${pyStr(value.value)}`
    case 'exists':
      return value.exists ? `${field}=*` : `-${field}=*`
    case 'neq':
      return isPlain(value.value) ? `${field}!=${w.value(value.value)}` : null
    default:
      return null
  }
}

/** LogPoint search language: space for AND, ` -` for NOT, `field IN ["a", "b"]` for lists. */
export const logpointBackend: TextBackend = {
  name: 'logpoint',
  tokens: {
    and: ' ', or: ' OR ', not: ' -%s', sub: '(%s)', andGroup: '%s', list: '[%s]', listSeparator: ', ',
    value: '"%s"', null: '-%s=*', notNull: '%s=*', map: '%s=%s', mapList: '%s IN %s',
  },
  mapListsSpecialHandling: true,
  escape: escaper(SPLUNK_ESCAPE),
  typed: {},
  indexField: null,
  extendedMap: logpointExtended,
  finish: (_w, search, agg) => (search === null ? null : agg ? search + logpointAggregation(agg) : search),
}
