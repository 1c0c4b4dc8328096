import type { ConditionError } from './condition-ast.js'

export type TokenType =
  | 'and' | 'or' | 'not' | 'oneOf' | 'allOf' | 'lpar' | 'rpar' | 'pipe' | 'id'
  | 'agg' | 'near' | 'by' | 'eq' | 'lt' | 'lte' | 'gt' | 'gte'

export interface Token {
  type: TokenType
  text: string
  offset: number
}

// Keywords are whole words (the legacy tokenizer also matched them as prefixes of identifiers,
// which split names such as `order_x`; no rule relies on that).
const KEYWORDS = new Map<string, TokenType>([
  ['and', 'and'], ['or', 'or'], ['not', 'not'], ['count', 'agg'], ['min', 'agg'], ['max', 'agg'], ['avg', 'agg'], ['sum', 'agg'],
  ['near', 'near'], ['by', 'by'],
])
const OPERATORS: [string, TokenType][] = [
  ['==', 'eq'], ['<=', 'lte'], ['>=', 'gte'], ['<', 'lt'], ['>', 'gt'], ['|', 'pipe'], ['(', 'lpar'], [')', 'rpar'],
]
const WORD = /[\p{L}\p{N}_*]+/uy
const SPACE = /\s+/y
const OF_AFTER = /\s+of(?![\p{L}\p{N}_*])/iuy

/** Splits a condition into tokens, or reports the offset of the first character that starts no token. */
export function tokenizeCondition(condition: string): { ok: true; tokens: Token[] } | { ok: false; error: ConditionError } {
  const tokens: Token[] = []
  let pos = 0
  while (pos < condition.length) {
    SPACE.lastIndex = pos
    if (SPACE.test(condition)) {
      pos = SPACE.lastIndex
      continue
    }
    const op = OPERATORS.find(([text]) => condition.startsWith(text, pos))
    if (op) {
      tokens.push({ type: op[1], text: op[0], offset: pos })
      pos += op[0].length
      continue
    }
    WORD.lastIndex = pos
    const match = WORD.exec(condition)
    if (!match) {
      return { ok: false, error: { message: `unexpected character '${condition[pos]}' in condition`, offset: pos } }
    }
    const word = match[0]
    const lower = word.toLowerCase()
    if (lower === '1' || lower === 'all') {
      OF_AFTER.lastIndex = pos + word.length
      if (OF_AFTER.test(condition)) {
        tokens.push({ type: lower === '1' ? 'oneOf' : 'allOf', text: condition.slice(pos, OF_AFTER.lastIndex), offset: pos })
        pos = OF_AFTER.lastIndex
        continue
      }
    }
    tokens.push({ type: KEYWORDS.get(lower) ?? 'id', text: word, offset: pos })
    pos += word.length
  }
  return { ok: true, tokens }
}
