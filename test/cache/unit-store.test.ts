import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UnitStore } from '../../src/cache/unit-store.js'

const entriesOn = (dir: string): string[] => (existsSync(join(dir, 'units')) ? readdirSync(join(dir, 'units')).flatMap((shard) => readdirSync(join(dir, 'units', shard))).sort() : [])

/** What a new process finds in `dir` under each key. */
const readBack = (dir: string, keys: string[]) => {
  const store = new UnitStore(dir, { retain: false })
  return keys.map((key) => store.get(key))
}

describe('UnitStore with deferred writes (a watching process)', () => {
  it('writes nothing until flushed, then what the next process finds: what the last build used, packed or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-store-'))
    const store = new UnitStore(dir, { deferWrites: true })
    store.put('aa-page', { html: '<p>a</p>' }, true)
    store.put('bb-chunk', new Map([['x', 'y']]))
    store.putPacked('cc-unit', { card: 'card' })
    store.savePacked()
    store.endBuild()
    expect(entriesOn(dir)).toEqual([])
    expect(existsSync(join(dir, 'packs')) && readdirSync(join(dir, 'packs')).length > 0).toBe(false)
    // Still served from memory meanwhile.
    expect(store.get('aa-page')).toEqual({ html: '<p>a</p>' })

    // A second build uses the page and a new chunk, not the first chunk.
    store.get('aa-page')
    store.get('cc-unit')
    store.put('dd-chunk', 'rows', true)
    store.endBuild()
    store.flush()
    expect(entriesOn(dir)).toEqual(['aa-page', 'dd-chunk'])
    expect(readBack(dir, ['aa-page', 'bb-chunk', 'cc-unit', 'dd-chunk'])).toEqual([{ html: '<p>a</p>' }, undefined, { card: 'card' }, 'rows'])
  })

  it('prunes at the flush what the last build did not use, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-store-'))
    const first = new UnitStore(dir, { retain: false })
    first.put('aa-old', 1, true)
    first.put('bb-kept', 2, true)
    first.endBuild()
    const store = new UnitStore(dir, { deferWrites: true })
    store.get('bb-kept')
    store.put('cc-new', 3, true)
    store.endBuild()
    expect(entriesOn(dir)).toEqual(['aa-old', 'bb-kept'])
    store.flush()
    expect(entriesOn(dir)).toEqual(['bb-kept', 'cc-new'])
    // A flush with nothing new changes nothing.
    store.flush()
    expect(entriesOn(dir)).toEqual(['bb-kept', 'cc-new'])
  })
})

describe('UnitStore writes', () => {
  it('makes a shard folder on its first entry, and again when it was removed meanwhile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-store-'))
    const store = new UnitStore(dir, { retain: false })
    store.put('aa-one', { n: 1 }, true)
    store.put('aa-two', 'two')
    rmSync(join(dir, 'units'), { recursive: true })
    store.put('aa-three', { n: 3 }, true)
    store.put('bb-four', 'four')
    expect(entriesOn(dir)).toEqual(['aa-three', 'bb-four'])
    expect(readBack(dir, ['aa-one', 'aa-three', 'bb-four'])).toEqual([undefined, { n: 3 }, 'four'])
  })
})
