import { describe, expect, it } from 'vitest'
import { FRAGMENT_SHARDS, FragmentMemo } from '../../src/crosslink/fragment-memo.js'

/** A store that counts what is written to it. */
function countingStore() {
  const entries = new Map<string, unknown>()
  const puts: string[] = []
  return {
    entries,
    puts,
    get: <T>(key: string) => entries.get(key) as T | undefined,
    put: <T>(key: string, value: T) => void (puts.push(key), entries.set(key, value)),
  }
}

/** One build's use of the memo: a part per rule, made by `make` on a miss; returns the joined file and the parts made. */
function build(store: ReturnType<typeof countingStore>, rules: Map<string, string>) {
  const memo = new FragmentMemo(store, 'rules.json')
  const made: string[] = []
  const text = [...rules].map(([key, value]) => memo.text(key, () => (made.push(key), `{"title":"${value}"}`))).join(',')
  memo.save()
  return { text, made }
}

describe('FragmentMemo', () => {
  const rules = new Map(Array.from({ length: 300 }, (_, i) => [`stamp-${i}`, `Rule ${i}`]))

  it('makes each part once, and writes nothing back when a build made and dropped none', () => {
    const store = countingStore()
    const first = build(store, rules)
    expect(first.made).toHaveLength(rules.size)
    // Parts spread over every shard, each written once.
    expect(new Set(store.puts).size).toBe(FRAGMENT_SHARDS)
    store.puts.length = 0
    const again = build(store, rules)
    expect(again).toEqual({ text: first.text, made: [] })
    expect(store.puts).toEqual([])
  })

  it('writes back only the shard of a part made again, and the shard of a part no longer used', () => {
    const store = countingStore()
    build(store, rules)
    store.puts.length = 0
    const edited = new Map(rules)
    edited.delete('stamp-7')
    edited.set('stamp-7-edited', 'Rule 7, retitled')
    const after = build(store, edited)
    expect(after.made).toEqual(['stamp-7-edited'])
    expect(after.text).toContain('{"title":"Rule 7, retitled"}')
    // The new part's shard and the dropped part's shard (the same one, or two).
    expect(store.puts.length).toBeGreaterThanOrEqual(1)
    expect(store.puts.length).toBeLessThanOrEqual(2)
    // What was written back holds exactly the parts now used.
    const kept = [...store.entries.values()].flatMap((shard) => [...(shard as Map<string, string>).keys()])
    expect(kept.sort()).toEqual([...edited.keys()].sort())
  })
})
