import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffLines, unifiedDiff } from '../../src/diff/index.js'

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!)
      diagonal = up
    }
  }
  return row[b.length]!
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '```', ''), { maxLength: 30 })

describe('diffLines', () => {
  it('rebuilds both sides and keeps a longest common subsequence (shortest edit)', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = diffLines(a, b)
        expect(d.filter((l) => l.op !== '+').map((l) => l.text)).toEqual(a)
        expect(d.filter((l) => l.op !== '-').map((l) => l.text)).toEqual(b)
        expect(d.filter((l) => l.op === ' ').length).toBe(lcsLength(a, b))
      }),
      { numRuns: 500 },
    )
  })
})

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('x.md', 'a\nb\n', 'a\nb\n')).toBe('')
  })

  it('prints hunks like diff -u', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const after = before.replace('line 3\n', 'line three\n').replace('line 18\n', '').replace('line 10\n', 'line 10\nline 10.5\n')
    const dir = mkdtempSync(join(tmpdir(), 'aw-udiff-'))
    writeFileSync(join(dir, 'a'), before)
    writeFileSync(join(dir, 'b'), after)
    const gnu = spawnSync('diff', ['-u', 'a', 'b'], { cwd: dir, encoding: 'utf8' })
    const body = (text: string) => text.split('\n').slice(2).join('\n')
    expect(body(unifiedDiff('x.md', before, after))).toBe(body(gnu.stdout))
  })

  it('marks a missing final newline and shows added and removed files against /dev/null', () => {
    expect(unifiedDiff('x.md', 'a\nb', 'a\nb\n')).toBe('--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n')
    expect(unifiedDiff('x.md', undefined, 'a\n')).toBe('--- /dev/null\n+++ b/x.md\n@@ -0,0 +1 @@\n+a\n')
    expect(unifiedDiff('x.md', 'a\n', undefined)).toBe('--- a/x.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n')
  })
})
