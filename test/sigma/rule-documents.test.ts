import { describe, expect, it } from 'vitest'
import { resolveRuleDocuments } from '../../src/sigma/rule-documents.js'
import { readSigmaRule } from '../../src/sigma/sigma-rule.js'

describe('resolveRuleDocuments', () => {
  it('merges action: global into later rules (global values win), reset forgets them', () => {
    const docs = [
      { action: 'global', title: 'T', logsource: { product: 'windows' }, detection: { condition: 'sel' } },
      { logsource: { service: 'security' }, detection: { sel: { EventID: 1 } }, title: 'own' },
      { action: 'reset' },
      { title: 'plain', detection: { sel: { a: 1 }, condition: 'sel' } },
    ]
    const r = resolveRuleDocuments(docs)
    expect(r.error).toBeNull()
    expect(r.documents.map((d) => d.doc)).toEqual([
      { logsource: { service: 'security', product: 'windows' }, detection: { sel: { EventID: 1 }, condition: 'sel' }, title: 'T' },
      { title: 'plain', detection: { sel: { a: 1 }, condition: 'sel' } },
    ])
    expect(docs[1]).toEqual({ logsource: { service: 'security' }, detection: { sel: { EventID: 1 } }, title: 'own' })
  })

  it('repeat re-emits the previous rule with changes', () => {
    const r = resolveRuleDocuments([
      { title: 'a', logsource: { product: 'linux' }, detection: { s: { x: 1 }, condition: 's' } },
      { action: 'repeat', title: 'b', detection: { s: { x: 2 } } },
    ])
    expect(r.documents.map((d) => [d.doc['title'], (d.doc['detection'] as { s: unknown }).s])).toEqual([['a', { x: 2 }], ['b', { x: 2 }]])
    expect(resolveRuleDocuments([{ action: 'repeat' }]).error).toMatch(/repeat/)
  })

  it('recognises Sigma 2 correlation and filter documents', () => {
    const r = resolveRuleDocuments([{ title: 'c', correlation: { type: 'event_count' } }, { title: 'f', filter: { rules: ['x'] } }])
    expect(r.documents.map((d) => d.kind)).toEqual(['correlation', 'filter'])
  })
})

describe('readSigmaRule', () => {
  it('types definitions and parses conditions', () => {
    const rule = readSigmaRule({
      logsource: { product: 'windows' },
      detection: { sel: { 'CommandLine|contains|all': ['a', 'b'] }, kw: ['x', 3, { f: 1 }], timeframe: '5m', condition: 'sel or kw' },
    })
    expect(rule.errors).toEqual([])
    expect(rule.definitions.map((d) => d.name)).toEqual(['sel', 'kw', 'timeframe'])
    expect(rule.definitions[0]!.body).toEqual({ kind: 'map', items: [{ key: 'CommandLine|contains|all', field: 'CommandLine', modifiers: ['contains', 'all'], value: ['a', 'b'] }] })
    expect(rule.definitions[1]!.body.kind).toBe('list')
    expect(rule.definitions[2]!.body).toEqual({ kind: 'invalid', value: '5m' })
    expect(rule.conditions[0]!.parsed.ok).toBe(true)
    expect(rule.logsource).toEqual({ category: null, product: 'windows', service: null })
  })

  it('reports a missing detection or condition', () => {
    expect(readSigmaRule({ title: 'x' }).errors).toEqual(['No detection definitions found'])
    expect(readSigmaRule({ detection: { s: { a: 1 } } }).errors).toEqual(['No condition found'])
  })
})
