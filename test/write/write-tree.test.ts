import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OUTPUT_MARKER, safeFileName, writeTree } from '../../src/write/index.js'

const tmp = () => mkdtempSync(join(tmpdir(), 'aw-write-'))

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', '.._.._etc_passwd'.replace(/^\./, '_.')],
    ['a/b\\c', 'a_b_c'],
    ['..', '_..'],
    ['', '_'],
    ['DN_0001_4688_windows_process_creation', 'DN_0001_4688_windows_process_creation'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected)
  })
})

describe('writeTree', () => {
  it('writes files and replaces the previous output as a whole', () => {
    const out = join(tmp(), 'dist')
    writeTree(out, new Map([['wiki/a.md', 'A'], ['wiki/b.md', 'B']]))
    writeTree(out, new Map([['wiki/a.md', 'A2']]))
    expect(readFileSync(join(out, 'wiki/a.md'), 'utf8')).toBe('A2')
    expect(existsSync(join(out, 'wiki/b.md'))).toBe(false)
    expect(existsSync(join(out, OUTPUT_MARKER))).toBe(true)
  })

  it('refuses paths that leave the output folder and keeps the old output', () => {
    const root = tmp()
    const out = join(root, 'dist')
    writeTree(out, new Map([['keep.md', 'old']]))
    for (const bad of ['../escape.md', '/abs.md', 'wiki/../../x.md']) {
      expect(() => writeTree(out, new Map([['ok.md', 'x'], [bad, 'evil']]))).toThrow(/refusing output path/)
    }
    expect(readFileSync(join(out, 'keep.md'), 'utf8')).toBe('old')
    expect(readdirSync(root).sort()).toEqual(['dist'])
  })

  it('refuses to replace a folder it did not make', () => {
    const out = join(tmp(), 'mine')
    mkdirSync(out)
    writeFileSync(join(out, 'precious.txt'), 'x')
    expect(() => writeTree(out, new Map([['a.md', 'a']]))).toThrow(/not made by analytics-wiki/)
    expect(readFileSync(join(out, 'precious.txt'), 'utf8')).toBe('x')
  })
})
