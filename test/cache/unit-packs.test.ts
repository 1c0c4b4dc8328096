import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UnitStore } from '../../src/cache/unit-store.js'
import { LazyPart, partValue } from '../../src/cache/lazy-part.js'

const packsOf = (dir: string) => readdirSync(join(dir, 'packs')).sort()

/** One build of a new process: reads `read` (marking them used), packs `put`, ends the build. */
function buildOnce(dir: string, read: string[], put: Record<string, unknown>): (unknown | undefined)[] {
  const store = new UnitStore(dir, { retain: false })
  const values = read.map((key) => store.get(key))
  for (const [key, value] of Object.entries(put)) store.putPacked(key, value)
  store.endBuild()
  return values
}

describe('UnitStore packed entries', () => {
  it('keeps what one build packs for the next process, values intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    const unit = { card: { text: 'card', hash: 'h' }, tags: new Set(['a']), at: new Date(0) }
    buildOnce(dir, [], { a: unit, b: [1, 2] })
    expect(packsOf(dir)).toHaveLength(1)
    expect(buildOnce(dir, ['a', 'b', 'c'], {})).toEqual([unit, [1, 2], undefined])
  })

  it('adds one pack per build that computed something, and drops packs none of whose entries is used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    buildOnce(dir, [], { a: 1, b: 2, c: 3 })
    const [big] = packsOf(dir)
    buildOnce(dir, ['a', 'b'], { d: 4 })
    expect(packsOf(dir)).toHaveLength(2)
    expect(packsOf(dir)).toContain(big)
    // The pack with only d goes when d is no longer used; the big one stays while a and b are.
    buildOnce(dir, ['a', 'b'], { e: 5 })
    expect(packsOf(dir)).toHaveLength(2)
    expect(buildOnce(dir, ['a', 'b', 'd', 'e'], {})).toEqual([1, 2, undefined, 5])
  })

  it('merges the used entries into one pack when most packed entries went unused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    buildOnce(dir, [], { a: 1, b: 2, c: 3, d: 4, e: 5 })
    buildOnce(dir, ['a'], { f: 6 })
    expect(packsOf(dir)).toHaveLength(1)
    expect(buildOnce(dir, ['a', 'b', 'f'], {})).toEqual([1, undefined, 6])
  })

  it('merges small packs without writing the largest again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]))
    buildOnce(dir, [], many)
    const [first] = packsOf(dir)
    const firstTime = statSync(join(dir, 'packs', first!)).mtimeMs
    const read = Object.keys(many)
    for (let edit = 0; edit < 12; edit++) {
      buildOnce(dir, read, { [`n${edit}`]: edit })
      read.push(`n${edit}`)
    }
    expect(packsOf(dir)).toContain(first)
    expect(statSync(join(dir, 'packs', first!)).mtimeMs).toBe(firstTime)
    expect(buildOnce(dir, read, {})).toEqual([...Object.values(many), ...Array.from({ length: 12 }, (_, i) => i)])
  })

  it('never piles up more than eight packs, whatever the edits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]))
    buildOnce(dir, [], many)
    const read = Object.keys(many)
    for (let edit = 0; edit < 20; edit++) {
      // Each build keeps every entry so far and adds one: nothing becomes unused, so only the count limit merges.
      buildOnce(dir, read, { [`n${edit}`]: edit })
      read.push(`n${edit}`)
      expect(packsOf(dir).length).toBeLessThanOrEqual(8)
    }
    expect(buildOnce(dir, read, {})).toEqual([...Object.values(many), ...Array.from({ length: 20 }, (_, i) => i)])
  })

  it('removes files under packs/ that are not packs, and takes a damaged pack for misses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-packs-'))
    buildOnce(dir, [], { a: 1 })
    writeFileSync(join(dir, 'packs', packsOf(dir)[0]!), 'garbage')
    writeFileSync(join(dir, 'packs', 'x.pack.123.tmp'), 'left by a crash')
    expect(buildOnce(dir, ['a'], { b: 2 })).toEqual([undefined])
    expect(packsOf(dir)).toHaveLength(1)
    expect(buildOnce(dir, ['a', 'b'], {})).toEqual([undefined, 2])
  })
})

describe('UnitStore packed entries with lazy parts', () => {
  const unitWith = (n: number) => ({ name: `u${n}`, docs: LazyPart.of([{ at: new Date(n), n: BigInt(n) }]), output: LazyPart.of({ text: `card ${n} é`, list: [n] }, 'json'), card: LazyPart.of(`# Card ${n}\n`, 'text') })

  it('reads an entry without its parts, and each part only when asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-lazy-'))
    buildOnce(dir, [], { a: unitWith(1), b: unitWith(2) })
    const store = new UnitStore(dir, { retain: false })
    const a = store.get<ReturnType<typeof unitWith>>('a')!
    expect(a.name).toBe('u1')
    expect(a.docs).toBeInstanceOf(LazyPart)
    expect(a.docs.isLoaded).toBe(false)
    expect(a.output.isLoaded).toBe(false)
    expect(a.output.get()).toEqual({ text: 'card 1 é', list: [1] })
    expect(a.docs.isLoaded).toBe(false)
    expect(a.card.get()).toBe('# Card 1\n')
    // Serialised parts keep what JSON cannot (dates, big integers).
    expect(partValue(a.docs)).toEqual([{ at: new Date(1), n: 1n }])
    expect(store.get<ReturnType<typeof unitWith>>('b')!.output.get().text).toBe('card 2 é')
  })

  it('keeps JSON parts as JSON text and text parts as they are in the pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-lazy-'))
    buildOnce(dir, [], { a: unitWith(7) })
    const bytes = readFileSync(join(dir, 'packs', packsOf(dir)[0]!))
    expect(bytes.toString('utf8')).toContain('{"text":"card 7 é","list":[7]}')
    expect(bytes.toString('utf8')).toContain('# Card 7\n')
  })

  it('carries parts into a merged pack intact, without reading them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-lazy-'))
    buildOnce(dir, [], Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, unitWith(i)])))
    // Most entries unused: the next write merges the used ones into one new pack.
    buildOnce(dir, ['k0'], { n: unitWith(9) })
    expect(packsOf(dir)).toHaveLength(1)
    const store = new UnitStore(dir, { retain: false })
    const k0 = store.get<ReturnType<typeof unitWith>>('k0')!
    expect(k0.output.get()).toEqual({ text: 'card 0 é', list: [0] })
    expect(k0.docs.get()).toEqual([{ at: new Date(0), n: 0n }])
    expect(k0.card.get()).toBe('# Card 0\n')
    expect(store.get<ReturnType<typeof unitWith>>('n')!.docs.get()).toEqual([{ at: new Date(9), n: 9n }])
    expect(store.get('k1')).toBeUndefined()
  })

  it('reads a part after another build removed its pack (a watching process beside a one-shot build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-lazy-'))
    buildOnce(dir, [], { a: unitWith(3) })
    const store = new UnitStore(dir, { retain: false })
    const a = store.get<ReturnType<typeof unitWith>>('a')!
    rmSync(join(dir, 'packs', packsOf(dir)[0]!))
    expect(a.output.get()).toEqual({ text: 'card 3 é', list: [3] })
    expect(a.docs.get()).toEqual([{ at: new Date(3), n: 3n }])
  })

  it('takes a pack with a damaged footer for misses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-lazy-'))
    buildOnce(dir, [], { a: unitWith(1) })
    const file = join(dir, 'packs', packsOf(dir)[0]!)
    const bytes = readFileSync(file)
    bytes.writeUInt32LE(bytes.length * 2, bytes.length - 4)
    writeFileSync(file, bytes)
    expect(buildOnce(dir, ['a'], {})).toEqual([undefined])
  })
})

describe('UnitStore loose entries', () => {
  it('keeps JSON data as JSON text and anything else serialised, and reads both back in a new process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-loose-'))
    const page = { html: '<p>é \u{1F600}</p>', links: [{ target: 'a.html', fragment: '' }], ids: ['x'], title: undefined, asked: [['pages', 'a.md', true]] }
    const parts = new Map([['k', 'v']])
    const store = new UnitStore(dir, { retain: false })
    store.put('page', page, true)
    store.put('parts', parts)
    store.endBuild()
    const files = readdirSync(join(dir, 'units'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    const text = (name: string) => readFileSync(join(files.find((d) => d.name === name)!.parentPath, name))
    expect(text('page').toString('utf8')).toMatch(/^\{"key":"page","value":\{"html":"<p>é /)
    expect(text('parts')[0]).toBe(0xff)
    const again = new UnitStore(dir, { retain: false })
    expect(again.get('page')).toEqual(page)
    expect(again.get('parts')).toEqual(parts)
  })
})
