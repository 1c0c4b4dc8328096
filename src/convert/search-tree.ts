import type { ModValue } from '../sigma/modifiers/modifier-value.js'

/**
 * The query tree a backend renders: the rule's condition with every search identifier expanded into
 * field/value comparisons, field names mapped, and log source conditions added. It mirrors the
 * legacy converter's parse tree (including its explicit sub-expression nodes), because the byte-exact
 * output depends on that shape.
 */
export type SearchNode =
  | { t: 'and'; items: SearchNode[] }
  | { t: 'or'; items: SearchNode[] }
  | { t: 'not'; item: SearchNode }
  /** Parenthesised sub-expression. */
  | { t: 'sub'; item: SearchNode }
  /** `field: value`; value may be a list (any-of) or a typed value. */
  | { t: 'map'; field: string; value: ModValue }
  /** A keyword: a value searched without a field. */
  | { t: 'value'; value: string | number }
  /** Field is empty or missing (from a conditional field mapping of a `null` value). */
  | { t: 'null'; field: string }
  | { t: 'notnull'; field: string }

export type NodeType = SearchNode['t']

export const and = (items: SearchNode[]): SearchNode => ({ t: 'and', items })
export const or = (items: SearchNode[]): SearchNode => ({ t: 'or', items })
export const sub = (item: SearchNode): SearchNode => ({ t: 'sub', item })
export const mapItem = (field: string, value: ModValue): SearchNode => ({ t: 'map', field, value })

/**
 * A conversion problem: `kind` says whether the legacy converter would have stopped on it the same
 * way (`legacy`) or whether this converter simply cannot express it for the backend (`unsupported`).
 */
export class ConversionFailure extends Error {
  constructor(message: string, readonly kind: 'legacy' | 'unsupported' | 'invalid' = 'legacy') {
    // An expected outcome for about one rule in twenty: skip the cost of capturing a stack trace.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(message)
    Error.stackTraceLimit = limit
  }
}
