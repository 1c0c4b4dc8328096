/** The parsed form of a Sigma `detection.condition` string. Offsets are 0-based positions in that string. */

export type ConditionNode =
  | { kind: 'and'; left: ConditionNode; right: ConditionNode; offset: number }
  | { kind: 'or'; left: ConditionNode; right: ConditionNode; offset: number }
  | { kind: 'not'; operand: ConditionNode; offset: number }
  /** A parenthesised expression (kept because the legacy converter treats groups specially). */
  | { kind: 'group'; inner: ConditionNode; offset: number }
  /** A search identifier, e.g. `selection`. */
  | { kind: 'ref'; name: string; offset: number }
  /** `1 of X` / `all of X`; `target` is a name, a wildcard pattern (`selection*`) or `them`. */
  | { kind: 'oneOf' | 'allOf'; target: string; offset: number }

export type AggregationFunction = 'count' | 'min' | 'max' | 'avg' | 'sum'
export type ComparisonOperator = '==' | '<' | '<=' | '>' | '>='

/** The legacy part after `|`: `count(field) by group > 5` or `near a and not b`. */
export type Aggregation =
  | {
      kind: 'function'
      func: AggregationFunction
      field: string | null
      groupBy: string | null
      operator: ComparisonOperator
      value: string
      offset: number
    }
  | { kind: 'near'; include: string[]; exclude: string[]; offset: number }

export interface ParsedCondition {
  search: ConditionNode
  aggregation: Aggregation | null
}

/** A condition syntax error: `offset` points at the offending character of the condition string. */
export interface ConditionError {
  message: string
  offset: number
}

export type ConditionResult = { ok: true; value: ParsedCondition } | { ok: false; error: ConditionError }
