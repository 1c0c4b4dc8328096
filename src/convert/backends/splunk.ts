import type { Aggregation } from '../../sigma/condition-ast.js'
import type { ModValue, TypedValue } from '../../sigma/modifiers/modifier-value.js'
import { pyStr } from '../../sigma/python-text.js'
import { resolveFieldNames } from '../config/resolve-field-names.js'
import { ConversionFailure } from '../search-tree.js'
import { isPlain, renderMapItem, type QueryWriter, type TextBackend } from '../text-backend.js'
import { escaper } from './es-qs.js'

// `"` and a backslash that does not escape `*`, `?` or another backslash.
export const SPLUNK_ESCAPE = /("|(?<!\\)\\(?![*?\\]))/g

/** Field lists render as `(f="a" OR f="b")`. */
function mapList(w: QueryWriter, field: string, values: ModValue[]): string {
  if (!values.every(isPlain)) throw new ConversionFailure('List values must be strings or numbers')
  return '(' + values.map((v) => `${field}=${w.value(v as string | number)}`).join(' OR ') + ')'
}

function splunkAggregation(agg: Aggregation): string {
  if (agg.kind === 'near') throw new ConversionFailure("The 'near' aggregation operator is not yet implemented for this backend", 'unsupported')
  let func: string = agg.func
  if (func === 'count') {
    if (agg.field === null) {
      return agg.groupBy === null
        ? ` | eventstats count as val | search val ${agg.operator} ${agg.value}`
        : ` | eventstats count as val by ${agg.groupBy}| search val ${agg.operator} ${agg.value}`
    }
    func = 'dc'
  }
  return agg.groupBy === null
    ? ` | eventstats ${func}(${agg.field ?? ''}) as val | search val ${agg.operator} ${agg.value}`
    : ` | eventstats ${func}(${agg.field ?? ''}) as val by ${agg.groupBy} | search val ${agg.operator} ${agg.value}`
}

const COMPARE: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' }

function splunkExtended(w: QueryWriter, field: string, value: TypedValue): string | null {
  switch (value.kind) {
    case 'cidr':
      return `${field}="${value.network}"`
    case 'compare':
      return `${field}${COMPARE[value.op]}${pyStr(value.value)}`
    case 'exists':
      return value.exists ? `${field}="*"` : `NOT ${field}="*"`
    case 'neq':
      return isPlain(value.value) ? `${field}!=${w.value(value.value)}` : null
    case 'cased':
      return `${field}=CASE(${w.value(value.value)})`
    default:
      return null
  }
}

/** Splunk SPL; conjunctions are bracketed, and a rule's `fields` become `| table a,b`. */
export const splunkBackend: TextBackend = {
  name: 'splunk',
  tokens: {
    and: ' ', or: ' OR ', not: 'NOT %s', sub: '(%s)', andGroup: '(%s)', list: '(%s)', listSeparator: ' ',
    value: '"%s"', null: 'NOT %s="*"', notNull: '%s="*"', map: '%s=%s', mapList: '%s IN %s',
  },
  mapListsSpecialHandling: true,
  escape: escaper(SPLUNK_ESCAPE),
  typed: {},
  indexField: 'index',
  nativeCidr: true,
  conditions: 'first',
  handlers: {
    map: (w, node) => (Array.isArray(node.value) ? mapList(w, w.fieldName(node.field, node.value), node.value) : renderMapItem(w, node.field, node.value)),
  },
  extendedMap: splunkExtended,
  finish: (w, search, agg) => {
    let result = search ?? ''
    if (agg) result += splunkAggregation(agg)
    const fields = w.ctx.rule.doc['fields']
    if (Array.isArray(fields) && fields.length > 0) result += ' | table ' + resolveFieldNames(w.ctx.config, w.ctx.rule, fields).join(',')
    return result
  },
}
