import type { ModValue } from '../../sigma/modifiers/modifier-value.js'
import { isTyped } from '../../sigma/modifiers/modifier-value.js'
import { pyStr } from '../../sigma/python-text.js'
import type { SearchNode } from '../search-tree.js'
import { ConversionFailure } from '../search-tree.js'
import { DEFAULT_HANDLERS, type QueryTokens, type QueryWriter, type TextBackend } from '../text-backend.js'
import { elasticEscaper } from './elastic-escape.js'
import { elasticExtendedMap } from './elastic-extended.js'

// A `*` or `?` that is not escaped by a single backslash.
const WILDCARD = /(?:(?<!\\)|\\\\)[*?]/

const containsWildcard = (v: unknown): boolean => typeof v === 'string' && WILDCARD.test(v)

export const ELASTIC_TOKENS: QueryTokens = {
  and: ' AND ', or: ' OR ', not: '(NOT %s)', sub: '(%s)', andGroup: '%s', list: '(%s)', listSeparator: ' OR ',
  value: '%s', null: 'NOT _exists_:%s', notNull: '_exists_:%s', map: '%s:%s', mapList: null,
}

export function escaper(pattern: RegExp): (text: string) => string {
  return (text) => text.replace(pattern, '\\$1')
}

/**
 * Values with wildcards (and regular expressions) search the `.keyword` sub-field unquoted; others the
 * analysed field, quoted. The choice is remembered and also decides how a following bare keyword is
 * quoted (a legacy quirk that the expected output keeps).
 */
function keywordFieldName(w: QueryWriter, field: string, value: ModValue): string {
  const keyword = Array.isArray(value) ? value.some(containsWildcard) : containsWildcard(value) || (isTyped(value) && value.kind === 're')
  w.state['matchKeyword'] = keyword
  return keyword ? field + '.keyword' : field
}

function quotedValue(w: QueryWriter, node: { value: string | number }): string {
  const text = w.backend.escape(pyStr(node.value))
  if (text === '' || /^\s+$/.test(text)) return '""'
  return w.state['matchKeyword'] ? text : `"${text}"`
}

/** A group of bare keywords searches every keyword field: `\*.keyword:(*a* OR *b*)`. */
function keywordGroup(w: QueryWriter, node: Extract<SearchNode, { t: 'sub' }>): string | null {
  const inner = node.item
  if ((inner.t === 'and' || inner.t === 'or') && inner.items.every((i) => i.t === 'value')) {
    const items: SearchNode[] = inner.items.map((i) => {
      const v = (i as { value: string | number }).value
      if (typeof v !== 'string') return i
      let s = v.startsWith('*') ? v : '*' + v
      if (!s.endsWith('*')) s += '*'
      return { t: 'value', value: s }
    })
    w.state['matchKeyword'] = true
    const rendered = DEFAULT_HANDLERS.sub(w, { t: 'sub', item: { t: inner.t, items } })
    w.state['matchKeyword'] = false
    if (rendered === null) throw new ConversionFailure('empty keyword group', 'invalid')
    return '\\*.keyword:' + rendered
  }
  return DEFAULT_HANDLERS.sub(w, node)
}

/**
 * Lucene regular expressions are implicitly anchored: explicit `^`/`$` anchors are dropped and the
 * side left open gets `.*`. Patterns with no anchor at all pass unchanged.
 */
export function luceneRegex(pattern: string, flags = ''): string | null {
  if (flags.includes('i')) pattern = caseInsensitive(pattern)
  const starts = pattern.startsWith('^')
  const ends = pattern.endsWith('$') && !pattern.endsWith('\\$')
  if (!starts && !ends) return pattern
  let body = pattern
  if (starts) body = body.slice(1)
  if (ends) body = body.slice(0, -1)
  return (starts ? '' : '.*') + body + (ends ? '' : '.*')
}

/** Lucene regexes have no flags: spell `i` out as `[aA]` classes (letters outside classes and escapes). */
function caseInsensitive(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '')
      i++
    } else if (inClass) {
      if (ch === ']') inClass = false
      out += ch
    } else if (ch === '[') {
      inClass = true
      out += ch
    } else if (/[a-zA-Z]/.test(ch) && ch.toLowerCase() !== ch.toUpperCase()) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`
    } else {
      out += ch
    }
  }
  return out
}

function notNode(w: QueryWriter, node: Extract<SearchNode, { t: 'not' }>): string | null {
  const g = w.gen(node.item)
  return g ? w.t.not.fill(g) : null
}

/** Shared by es-qs, graylog and xpack-watcher: only the escaped characters differ. */
export function elasticQuerystring(name: 'es-qs' | 'graylog' | 'xpack-watcher', escape: (text: string) => string, listSeparator = ' OR '): TextBackend {
  return {
    name,
    tokens: { ...ELASTIC_TOKENS, listSeparator },
    mapListsSpecialHandling: false,
    escape,
    typed: { re: '/%s/', rePattern: luceneRegex },
    indexField: null,
    handlers: { value: quotedValue, sub: keywordGroup, not: notNode },
    fieldName: keywordFieldName,
    extendedMap: elasticExtendedMap,
    newState: () => ({ matchKeyword: true }),
    finish: (_w, search, agg) => {
      if (agg) throw new ConversionFailure('Aggregations not implemented for this backend', 'unsupported')
      return search
    },
  }
}

// Whitespace and + - = ! ( ) { } [ ] ^ " ~ : /
export const ES_QS_ESCAPE = elasticEscaper('+-=!(){}[]^"~:/')

export const esQsBackend: TextBackend = elasticQuerystring('es-qs', ES_QS_ESCAPE)
