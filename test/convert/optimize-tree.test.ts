import { describe, expect, it } from 'vitest'
import { optimizeTree } from '../../src/convert/optimize-tree.js'
import type { SearchNode } from '../../src/convert/search-tree.js'

const m = (field: string, value: string): SearchNode => ({ t: 'map', field, value })

describe('optimizeTree', () => {
  it('drops sub-expressions, collapses single items and duplicates, re-adds brackets', () => {
    const tree: SearchNode = { t: 'and', items: [{ t: 'sub', item: { t: 'and', items: [m('a', '1')] } }, { t: 'sub', item: { t: 'and', items: [m('a', '1'), m('b', '2')] } }] }
    expect(optimizeTree(tree)).toEqual({ t: 'sub', item: { t: 'and', items: [m('a', '1'), m('b', '2')] } })
  })

  it('merges nested ANDs only when every child is an AND or a field comparison', () => {
    const not: SearchNode = { t: 'not', item: { t: 'sub', item: m('c', '3') } }
    const merged = optimizeTree({ t: 'and', items: [{ t: 'and', items: [m('a', '1'), m('b', '2')] }, m('d', '4')] })
    expect(merged).toEqual({ t: 'sub', item: { t: 'and', items: [m('a', '1'), m('b', '2'), m('d', '4')] } })
    const kept = optimizeTree({ t: 'and', items: [{ t: 'and', items: [m('a', '1'), m('b', '2')] }, not] })
    expect(kept).toEqual({ t: 'sub', item: { t: 'and', items: [{ t: 'sub', item: { t: 'and', items: [m('a', '1'), m('b', '2')] } }, not] } })
  })

  it('leaves the operand of a NOT untouched and removes empty groups', () => {
    const inner: SearchNode = { t: 'sub', item: { t: 'or', items: [m('a', '1')] } }
    expect(optimizeTree({ t: 'and', items: [{ t: 'and', items: [] }, { t: 'not', item: inner }] })).toEqual({ t: 'not', item: inner })
  })
})
