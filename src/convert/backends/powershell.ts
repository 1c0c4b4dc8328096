import type { Aggregation } from '../../sigma/condition-ast.js'
import { isGroup, isTyped, type ModValue } from '../../sigma/modifiers/modifier-value.js'
import { pyRepr, pyStr } from '../../sigma/python-text.js'
import { ConversionFailure } from '../search-tree.js'
import { isPlain, typedFailure, unsupportedMapValue, type QueryWriter, type TextBackend } from '../text-backend.js'

const ESCAPE = /("|(?<!\\)\\(?![*?\\])|\+)/g
const escape = (text: string): string => text.replace(ESCAPE, '\\$1')
const SELECT = ' } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message'

/** Fields compared as event properties (`$_.ID -eq "4688"`) instead of matched in the message text. */
const PROPERTY_FIELDS: ReadonlyMap<string, string> = new Map([
  ['ID', 'ID'], ['EventID', 'ID'], ['ServiceFileName', 'Service File Name'],
])

/** A quoted, escaped value (`generateValueNode(value, True)` in the legacy backend). */
const quoted = (v: unknown): string => `"${escape(textOf(v))}"`

/**
 * Python `str()` of a value; a parenthesised group inside a list printed as the legacy parse-tree
 * node did (`[ Subexpression: ['a', 'b'] ]`), which the recorded output contains.
 */
function textOf(v: unknown): string {
  if (isGroup(v)) return `[ Subexpression: [${v.items.map((i) => pyRepr(pyStr(i))).join(', ')}] ]`
  return pyStr(v)
}

function messageMatch(key: string, v: string): string {
  const pattern = v.replace(/\*/g, '.*')
  return `$_.message -match ${quoted(key === 'Message' ? pattern : key + '.*' + pattern)}`
}

/** `EventID` becomes `$_.ID -eq`, `LogName` selects the log, everything else matches the message text. */
function mapItem(w: QueryWriter, key: string, value: ModValue): string | null {
  if (isPlain(value) || (w.ctx.extended && typeof value === 'boolean')) {
    const v = typeof value === 'boolean' ? String(value) : value
    if (key === 'LogName' || key === 'source') {
      w.state['logname'] = v
      return null
    }
    const property = PROPERTY_FIELDS.get(key)
    if (property) return `$_.${property} -eq ${quoted(v)}`
    if (typeof v === 'string' && v.includes('*')) return messageMatch(key, v)
    return `$_.message -match ${quoted(key + '.*' + pyStr(v))}`
  }
  if (Array.isArray(value)) return mapList(key, value)
  if (value === null) return `-not ${key}="*"`
  if (isTyped(value)) {
    // PowerShell's -match is a case-insensitive regular expression: keep the pattern, escape only quotes.
    if (w.ctx.extended && value.kind === 're') return `$_.message -match "${(key + '.*' + value.pattern.replace(/^\^/, '')).replace(/"/g, '\\"')}"`
    throw typedFailure(w, value, `Backend does not support map values of type <class '${value.kind}'>`)
  }
  throw unsupportedMapValue(value)
}

function mapList(key: string, values: ModValue[]): string {
  let field = key
  const items = values.map((item) => {
    // The field name is replaced on the first item, so later items fall through to message matching.
    const property = PROPERTY_FIELDS.get(field)
    if (property) {
      field = property
      return `$_.${property} -eq ${quoted(item)}`
    }
    if (typeof item === 'string' && item.includes('*')) return messageMatch(field, item)
    return `$_.message -match ${quoted(item)}`
  })
  return '(' + items.join(' -or ') + ')'
}

const CMP: Record<string, string> = { '<': '-lt', '>': '-gt', '=': '-eq' }

function powershellAggregation(agg: Aggregation): string {
  if (agg.kind !== 'function' || agg.func !== 'count') throw new ConversionFailure('Only COUNT aggregation function is implemented for this backend', 'unsupported')
  const op = CMP[agg.operator] ?? 'None'
  if (agg.groupBy === null) return ` | group-object ${agg.field ?? ''} | where { $_.count ${op} ${agg.value} } | select name,count | sort -desc`
  if (agg.field === null) return ` | group-object ${agg.groupBy} | where { $_.count ${op} ${agg.value} } | select name,count | sort -desc`
  const g = agg.groupBy
  const f = agg.field
  return ` | select ${g}, ${f} | group ${g} | foreach { [PSCustomObject]@{'${g}'=$_.name;'Count'=($_.group.${f} | sort -u).count} }  | sort count -desc | where { $_.count ${op} ${agg.value} }`
}

/** PowerShell `Get-WinEvent | where {...}` filters. */
export const powershellBackend: TextBackend = {
  name: 'powershell',
  tokens: {
    and: ' -and ', or: ' -or ', not: ' -not %s', sub: '(%s)', andGroup: '%s', list: '($_.message -match %s)', listSeparator: '$_.message -match ',
    value: '"%s"', null: '-not %s="*"', notNull: '%s="*"', map: '$_.%s -eq %s', mapList: null,
  },
  mapListsSpecialHandling: true,
  escape,
  typed: {},
  indexField: null,
  conditions: 'first',
  handlers: {
    value: (_w, node) => `$_.message -match "${pyStr(node.value)}"`,
    map: (w, node) => mapItem(w, node.field, node.value),
  },
  finish: (w, search, agg) => {
    if (search === null) throw new ConversionFailure('unsupported operand type(s) for +: \'NoneType\' and \'str\'')
    const query = agg ? search + ' } ' + powershellAggregation(agg) : search + SELECT
    const logname = w.state['logname']
    const before = logname !== undefined && logname !== null && logname !== '' ? `Get-WinEvent -LogName ${pyStr(logname)} | where {` : 'Get-WinEvent | where {'
    return before + query
  },
}
