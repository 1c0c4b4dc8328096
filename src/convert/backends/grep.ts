import { isTyped, type ModValue } from '../../sigma/modifiers/modifier-value.js'
import { pyStr, pyTypeName } from '../../sigma/python-text.js'
import { ConversionFailure, type SearchNode } from '../search-tree.js'
import { isPlain, typedFailure, type QueryWriter, type TextBackend } from '../text-backend.js'

const ESCAPE = /([|()[\]{}.^$+])/g

/** Regex-escapes a value, quotes it for a single-quoted shell word, and turns `*` into `.*`. */
function clean(text: string): string {
  return text.replace(ESCAPE, '\\$1').replace(/'/g, `'"'"'`).replace(/\*/g, '.*')
}

function orOf(w: QueryWriter, items: (SearchNode | ModValue)[]): string {
  return '(?:' + items.map((i) => '.*' + renderAny(w, i)).join('|') + ')'
}

/** Strips a pattern's own anchors: the field-less line match supplies its own context. */
function embeddedRegex(pattern: string): string {
  return '(?:' + pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '').replace(/'/g, `'"'"'`) + ')'
}

function renderValue(w: QueryWriter, value: ModValue): string {
  if (isPlain(value)) return clean(pyStr(value))
  if (Array.isArray(value)) {
    if (!value.every(isPlain)) throw new ConversionFailure('List values must be strings or numbers')
    return orOf(w, value)
  }
  if (isTyped(value)) {
    if (w.ctx.extended && value.kind === 're') return embeddedRegex(value.pattern)
    throw typedFailure(w, value, 'Node type not implemented for this backend')
  }
  throw new ConversionFailure(`Node type <class '${pyTypeName(value)}'> was not expected in Sigma parse tree`)
}

function renderAny(w: QueryWriter, item: SearchNode | ModValue): string {
  if (typeof item === 'object' && item !== null && 't' in item) return w.gen(item as SearchNode) ?? ''
  return renderValue(w, item as ModValue)
}

/**
 * `grep -P` over whole log lines: fields are ignored, AND is a chain of look-aheads, NOT a negative
 * look-ahead, OR an alternation.
 */
export const grepBackend: TextBackend = {
  name: 'grep',
  tokens: {
    and: '', or: '|', not: '(?!.*%s)', sub: '(?:.*%s)', andGroup: '%s', list: '(?:%s)', listSeparator: '|',
    value: '%s', null: '(?!%s)', notNull: '%s', map: '%s', mapList: null,
  },
  mapListsSpecialHandling: false,
  escape: clean,
  typed: {},
  indexField: null,
  handlers: {
    and: (w, node) => node.items.map((i) => `(?=.*${w.gen(i) ?? ''})`).join(''),
    or: (w, node) => orOf(w, node.items),
    not: (w, node) => `(?!.*${w.gen(node.item) ?? ''})`,
    sub: (w, node) => `(?:.*${w.gen(node.item) ?? ''})`,
    value: (_w, node) => clean(pyStr(node.value)),
    map: (w, node) => (node.value === null ? `(?!${node.field})` : renderValue(w, node.value)),
    null: (_w, node) => `(?!${node.field})`,
    notnull: () => {
      throw new ConversionFailure('Node type not implemented for this backend')
    },
  },
  // The legacy grep backend built its command from the search alone: aggregations were ignored.
  finish: (_w, search) => {
    return `grep -P -i '^${search ?? ''}'`
  },
}
