import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConditionNode } from '../../src/sigma/condition-ast.js'
import { parseCondition } from '../../src/sigma/parse-condition.js'

/** Compact text form of a tree, to assert shapes. */
function show(n: ConditionNode): string {
  switch (n.kind) {
    case 'and':
    case 'or':
      return `${n.kind}(${show(n.left)}, ${show(n.right)})`
    case 'not':
      return `not(${show(n.operand)})`
    case 'group':
      return `(${show(n.inner)})`
    case 'ref':
      return n.name
    case 'oneOf':
    case 'allOf':
      return `${n.kind}:${n.target}`
  }
}

function parsed(text: string): string {
  const r = parseCondition(text)
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.offset}`)
  return show(r.value.search)
}

describe('parseCondition', () => {
  it('gives not > and > or precedence, left-associative', () => {
    expect(parsed('a or b and c')).toBe('or(a, and(b, c))')
    expect(parsed('a and b and c')).toBe('and(and(a, b), c)')
    expect(parsed('not a and b')).toBe('and(not(a), b)')
    expect(parsed('a and not b or c')).toBe('or(and(a, not(b)), c)')
  })

  it('keeps parenthesised groups, nested too', () => {
    expect(parsed('a and (b or (c and not d))')).toBe('and(a, (or(b, (and(c, not(d))))))')
  })

  it('reads 1 of / all of with names, patterns and them, case-insensitively', () => {
    expect(parsed('1 of selection_* and not all of filter')).toBe('and(oneOf:selection_*, not(allOf:filter))')
    expect(parsed('ALL OF them')).toBe('allOf:them')
  })

  it('does not split identifiers that start with a keyword', () => {
    expect(parsed('order_x or notepad')).toBe('or(order_x, notepad)')
  })

  it('parses legacy aggregations and near', () => {
    const r = parseCondition('selection | count(User) by Computer > 5')
    expect(r.ok && r.value.aggregation).toEqual({ kind: 'function', func: 'count', field: 'User', groupBy: 'Computer', operator: '>', value: '5', offset: 12 })
    const near = parseCondition('a | near b and not c')
    expect(near.ok && near.value.aggregation).toEqual({ kind: 'near', include: ['b'], exclude: ['c'], offset: 4 })
  })

  it('reports errors with the offset of the offending token', () => {
    expect(parseCondition('a and')).toEqual({ ok: false, error: { message: 'expression expected at end of condition', offset: 5 } })
    expect(parseCondition('(a or b')).toEqual({ ok: false, error: { message: "missing ')'", offset: 7 } })
    expect(parseCondition('a b')).toEqual({ ok: false, error: { message: "unexpected 'b'", offset: 2 } })
    expect(parseCondition('a & b')).toEqual({ ok: false, error: { message: "unexpected character '&' in condition", offset: 2 } })
    expect(parseCondition('1 of')).toMatchObject({ ok: false, error: { offset: 4 } })
    expect(parseCondition('a | count( > 3')).toMatchObject({ ok: false, error: { offset: 11 } })
  })
})

const WORDS = ['sel', 'filter_*', 'them', 'and', 'or', 'not', '1 of', 'all of', '(', ')', '|', 'count()', 'by', '>', '5', 'near', ' ', '&']

describe('parseCondition properties', () => {
  it('returns a tree or a positioned error for any string, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = parseCondition(text)
        if (!r.ok) expect(r.error.offset).toBeGreaterThanOrEqual(0)
        if (!r.ok) expect(r.error.offset).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 2000 },
    )
  })

  it('handles random and mutated token sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }), (tokens) => {
        const text = tokens.join(' ')
        const r = parseCondition(text)
        if (!r.ok) {
          expect(r.error.offset).toBeGreaterThanOrEqual(0)
          expect(r.error.offset).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('parses every well-formed expression it generates', () => {
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('a', 'b_1', '1 of sel*', 'all of them'),
        fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`),
        tie('e').map((e) => `not ${e}`),
        tie('e').map((e) => `(${e})`),
      ),
    })).e
    fc.assert(fc.property(expr, (text) => parseCondition(text).ok), { numRuns: 1000 })
  })
})
