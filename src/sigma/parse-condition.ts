import type { Aggregation, ComparisonOperator, ConditionError, ConditionNode, ConditionResult } from './condition-ast.js'
import { tokenizeCondition, type Token, type TokenType } from './condition-tokens.js'

/** Word tokens that are plain names inside the search part. */
const NAME_TYPES: ReadonlySet<TokenType> = new Set(['id', 'agg', 'near', 'by'])

/**
 * Parses a Sigma condition: `not` binds tighter than `and`, which binds tighter than `or`; both are
 * left-associative. An optional legacy aggregation follows a `|`. Never throws: a syntax error comes
 * back with the offset of the token that caused it.
 */
export function parseCondition(condition: string): ConditionResult {
  const tokenized = tokenizeCondition(condition)
  if (!tokenized.ok) return tokenized
  const tokens = tokenized.tokens
  const pipe = tokens.findIndex((t) => t.type === 'pipe')
  const searchTokens = pipe < 0 ? tokens : tokens.slice(0, pipe)
  const search = new SearchParser(searchTokens, condition.length).parse()
  if (!search.ok) return search
  if (pipe < 0) return { ok: true, value: { search: search.node, aggregation: null } }
  const aggregation = parseAggregation(tokens.slice(pipe + 1), tokens[pipe]!.offset + 1)
  if (!aggregation.ok) return aggregation
  return { ok: true, value: { search: search.node, aggregation: aggregation.value } }
}

type Parsed = { ok: true; node: ConditionNode } | { ok: false; error: ConditionError }

class SearchParser {
  private pos = 0
  constructor(private readonly tokens: Token[], private readonly end: number) {}

  parse(): Parsed {
    if (this.tokens.length === 0) return this.fail('empty condition', this.end)
    const node = this.parseOr()
    if (!node.ok) return node
    const extra = this.tokens[this.pos]
    if (extra) return this.fail(`unexpected '${extra.text}'`, extra.offset)
    return node
  }

  private parseOr(): Parsed {
    return this.parseBinary('or', () => this.parseAnd())
  }

  private parseAnd(): Parsed {
    return this.parseBinary('and', () => this.parseNot())
  }

  private parseBinary(kind: 'and' | 'or', operand: () => Parsed): Parsed {
    let left = operand()
    while (left.ok && this.peek()?.type === kind) {
      const op = this.tokens[this.pos++]!
      const right = operand()
      if (!right.ok) return right
      left = { ok: true, node: { kind, left: left.node, right: right.node, offset: op.offset } }
    }
    return left
  }

  private parseNot(): Parsed {
    const token = this.peek()
    if (token?.type !== 'not') return this.parsePrimary()
    this.pos++
    const operand = this.parseNot()
    if (!operand.ok) return operand
    return { ok: true, node: { kind: 'not', operand: operand.node, offset: token.offset } }
  }

  private parsePrimary(): Parsed {
    const token = this.tokens[this.pos]
    if (!token) return this.fail('expression expected at end of condition', this.end)
    this.pos++
    if (token.type === 'lpar') {
      const inner = this.parseOr()
      if (!inner.ok) return inner
      const close = this.tokens[this.pos]
      if (close?.type !== 'rpar') return this.fail("missing ')'", close?.offset ?? this.end)
      this.pos++
      return { ok: true, node: { kind: 'group', inner: inner.node, offset: token.offset } }
    }
    if (token.type === 'oneOf' || token.type === 'allOf') {
      const target = this.tokens[this.pos]
      if (!target || !NAME_TYPES.has(target.type)) {
        return this.fail(`search identifier or pattern expected after '${token.text}'`, target?.offset ?? this.end)
      }
      this.pos++
      return { ok: true, node: { kind: token.type, target: target.text, offset: token.offset } }
    }
    if (NAME_TYPES.has(token.type)) return { ok: true, node: { kind: 'ref', name: token.text, offset: token.offset } }
    return this.fail(`unexpected '${token.text}'`, token.offset)
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private fail(message: string, offset: number): Parsed {
    return { ok: false, error: { message, offset } }
  }
}

const OPERATOR_OF: Partial<Record<TokenType, ComparisonOperator>> = { eq: '==', lt: '<', lte: '<=', gt: '>', gte: '>=' }

type AggResult = { ok: true; value: Aggregation } | { ok: false; error: ConditionError }

/** `count([field]) [by group] op value` or `near id [and [not] id]...`. */
function parseAggregation(tokens: Token[], end: number): AggResult {
  const fail = (message: string, at?: Token): AggResult => ({ ok: false, error: { message, offset: at?.offset ?? end } })
  const head = tokens[0]
  if (!head) return fail('aggregation expected after |')
  if (head.type === 'near') return parseNear(tokens, end)
  if (head.type !== 'agg') return fail(`unknown aggregation '${head.text}'`, head)
  let i = 1
  if (tokens[i]?.type !== 'lpar') return fail("'(' expected", tokens[i])
  i++
  let field: string | null = null
  if (tokens[i]?.type === 'id') field = tokens[i++]!.text
  if (tokens[i]?.type !== 'rpar') return fail("')' expected", tokens[i])
  i++
  let groupBy: string | null = null
  if (tokens[i]?.type === 'by') {
    i++
    if (tokens[i]?.type !== 'id') return fail('field name expected after by', tokens[i])
    groupBy = tokens[i++]!.text
  }
  const opToken = tokens[i]
  const operator = opToken ? OPERATOR_OF[opToken.type] : undefined
  if (!operator) return fail('comparison operator expected', opToken)
  i++
  const value = tokens[i]
  if (value?.type !== 'id') return fail('value expected after comparison operator', value)
  if (tokens[i + 1]) return fail(`unexpected '${tokens[i + 1]!.text}'`, tokens[i + 1])
  const func = head.text.toLowerCase() as Extract<Aggregation, { kind: 'function' }>['func']
  return { ok: true, value: { kind: 'function', func, field, groupBy, operator, value: value.text, offset: head.offset } }
}

function parseNear(tokens: Token[], end: number): AggResult {
  const include: string[] = []
  const exclude: string[] = []
  let i = 1
  let negate = false
  for (;;) {
    const name = tokens[i]
    if (name?.type !== 'id') return { ok: false, error: { message: 'search identifier expected', offset: name?.offset ?? end } }
    ;(negate ? exclude : include).push(name.text)
    i++
    if (i >= tokens.length) break
    if (tokens[i]!.type !== 'and') return { ok: false, error: { message: "'and' expected", offset: tokens[i]!.offset } }
    i++
    negate = tokens[i]?.type === 'not'
    if (negate) i++
  }
  return { ok: true, value: { kind: 'near', include, exclude, offset: tokens[0]!.offset } }
}
