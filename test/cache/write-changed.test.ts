import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outputUpToDate, writeChanged, OUTPUT_MANIFEST, UnsafeOutputError, type OutputFiles } from '../../src/write/index.js'
import { manifestText } from '../../src/write/write-changed.js'

const files = (entries: Record<string, string>): OutputFiles => new Map(Object.entries(entries))
const mtime = (path: string) => statSync(path).mtimeMs

describe('writeChanged', () => {
  it('writes everything the first time, then only what changed, and removes what is gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aw-write-'))
    const out = join(root, 'dist')
    const first = writeChanged(out, files({ 'wiki/a.md': 'A', 'wiki/b.md': 'B', 'wiki/old/c.md': 'C' }))
    expect(first).toMatchObject({ written: 3, removed: 0, unchanged: 0 })
    expect(outputUpToDate(out, first.stamps)).toBe(true)
    const before = mtime(join(out, 'wiki/a.md'))
    await new Promise((done) => setTimeout(done, 20))
    expect(writeChanged(out, files({ 'wiki/a.md': 'A', 'wiki/b.md': 'B2' }), first.stamps)).toMatchObject({ written: 1, removed: 1, unchanged: 1 })
    expect(mtime(join(out, 'wiki/a.md'))).toBe(before)
    expect(readFileSync(join(out, 'wiki/b.md'), 'utf8')).toBe('B2')
    expect(existsSync(join(out, 'wiki/old'))).toBe(false)
    // Nothing but the output folder appears beside it, and no staging folder is left inside.
    expect(readdirSync(root)).toEqual(['dist'])
    expect(readdirSync(out).filter((n) => n.includes('stage'))).toEqual([])
  })

  it('rewrites a file changed by hand (even at the same size), and reports the folder as changed until then', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aw-write-')), 'dist')
    const tree = files({ 'wiki/a.md': 'A', 'wiki/b.md': 'B' })
    const { stamps } = writeChanged(out, tree)
    writeFileSync(join(out, 'wiki/a.md'), 'Z')
    expect(outputUpToDate(out, stamps)).toBe(false)
    const again = writeChanged(out, tree, stamps)
    expect(again.written).toBe(1)
    expect(readFileSync(join(out, 'wiki/a.md'), 'utf8')).toBe('A')
    expect(outputUpToDate(out, again.stamps)).toBe(true)
    // Without stamps the files are read back: still only the changed one is written.
    writeFileSync(join(out, 'wiki/b.md'), 'Y')
    expect(writeChanged(out, tree).written).toBe(1)
  })

  it('keeps the output deterministic: the manifest holds content hashes only', () => {
    const a = join(mkdtempSync(join(tmpdir(), 'aw-write-')), 'dist')
    const b = join(mkdtempSync(join(tmpdir(), 'aw-write-')), 'dist')
    writeChanged(a, files({ 'x.md': 'X' }))
    writeChanged(b, files({ 'x.md': 'X' }))
    expect(readFileSync(join(a, OUTPUT_MANIFEST), 'utf8')).toBe(readFileSync(join(b, OUTPUT_MANIFEST), 'utf8'))
  })

  it('refuses paths that leave the output folder, before writing anything', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aw-write-')), 'dist')
    writeChanged(out, files({ 'a.md': 'A' }))
    expect(() => writeChanged(out, files({ 'a.md': 'A2', '../escape.md': 'x' }))).toThrow(UnsafeOutputError)
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A')
    expect(existsSync(join(out, '..', 'escape.md'))).toBe(false)
  })
})

describe('manifestText', () => {
  const viaObject = (hashes: Map<string, string>) => {
    const raw: Record<string, string> = {}
    for (const rel of [...hashes.keys()].sort()) raw[rel] = hashes.get(rel)!
    return `${JSON.stringify(raw)}\n`
  }

  it('is the JSON of an object of the paths in sorted order, as JSON.stringify prints one', () => {
    const cases = [
      new Map<string, string>(),
      new Map([['wiki/b.md', 'h1'], ['site/a.html', 'h2'], ['.nojekyll', 'h3'], ['rules.json', 'h4']]),
      // Array-index names come first in an object, in numeric order; names that only look numeric do not.
      new Map([['b', '1'], ['10', '2'], ['2', '3'], ['01', '4'], ['4294967295', '5'], ['4294967294', '6'], ['-1', '7']]),
      new Map([['é"\\\u2028 ü', 'x'], ['\u0001', 'y'], ['😀/a.md', 'z']]),
    ]
    for (const hashes of cases) expect(manifestText(hashes)).toBe(viaObject(hashes))
  })

  it('prints a manifest that differs from the last one in a few hashes as JSON.stringify would', () => {
    const hash = (n: number) => n.toString(16).padStart(40, '0')
    const first = new Map(Array.from({ length: 50 }, (_, i): [string, string] => [`wiki/page-${i}.md`, hash(i)]))
    expect(manifestText(first)).toBe(viaObject(first))
    const changed = new Map(first).set('wiki/page-7.md', hash(700)).set('wiki/page-31.md', hash(310))
    const shorter = new Map(changed).set('wiki/page-0.md', 'short')
    const added = new Map(changed).set('wiki/page-50.md', hash(50))
    const renamed = new Map([...changed].map(([path, h]): [string, string] => [path === 'wiki/page-3.md' ? 'wiki/page-03.md' : path, h]))
    const escaped = new Map(changed).set('wiki/page-9.md', `${'"'.repeat(20)}`)
    // Each in turn, the same again, and back to the first: every text is what a fresh print gives.
    for (const hashes of [changed, changed, shorter, added, renamed, escaped, changed, first]) expect(manifestText(hashes)).toBe(viaObject(hashes))
  })
})
