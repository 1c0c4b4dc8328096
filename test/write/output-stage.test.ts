import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OUTPUT_MARKER, OutputStage, UnsafeOutputError, writeChanged, type OutputContent, type OutputFiles } from '../../src/write/index.js'

const files = (entries: Record<string, string>): OutputFiles => new Map(Object.entries(entries))
const freshOut = () => {
  const root = mkdtempSync(join(tmpdir(), 'aw-stage-'))
  return { root, out: join(root, 'dist') }
}

describe('OutputStage', () => {
  it('stages a file while the build runs and changes the output folder only when the write step commits', () => {
    const { root, out } = freshOut()
    const first = writeChanged(out, files({ 'site/a.html': 'A', 'site/b.html': 'B' }))
    const stage = new OutputStage(out, first.stamps)
    const a = stage.put('site/a.html', 'A2')
    expect(a.text).toBe('A2')
    // Staged, not yet in place.
    expect(readFileSync(join(out, 'site/a.html'), 'utf8')).toBe('A')
    const report = writeChanged(out, new Map<string, OutputContent>([['site/a.html', a], ['site/b.html', 'B']]), first.stamps, undefined, undefined, stage)
    expect(report).toMatchObject({ written: 1, unchanged: 1, removed: 0 })
    expect(readFileSync(join(out, 'site/a.html'), 'utf8')).toBe('A2')
    // The staged text now reads from the output folder, and no staging folder is left anywhere.
    expect(a.text).toBe('A2')
    expect(readdirSync(out).filter((name) => name.includes('stage'))).toEqual([])
    expect(readdirSync(root)).toEqual(['dist'])
  })

  it('does not stage a file the output folder already holds, and leaves it untouched', async () => {
    const { out } = freshOut()
    const first = writeChanged(out, files({ 'site/a.html': 'same' }))
    const before = statSync(join(out, 'site/a.html')).mtimeMs
    await new Promise((done) => setTimeout(done, 20))
    const stage = new OutputStage(out, first.stamps)
    const a = stage.put('site/a.html', 'same')
    expect(stage.holds('site/a.html', a)).toBe(false)
    const report = writeChanged(out, new Map([['site/a.html', a]]), first.stamps, undefined, undefined, stage)
    expect(report).toMatchObject({ written: 0, unchanged: 1 })
    expect(statSync(join(out, 'site/a.html')).mtimeMs).toBe(before)
  })

  it('stages the first build as a whole new tree beside the folder and swaps it in', () => {
    const { root, out } = freshOut()
    const stage = new OutputStage(out)
    const page = stage.put('site/index.html', '<p>home</p>')
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(root).some((name) => name.startsWith('dist.tmp-'))).toBe(true)
    writeChanged(out, new Map<string, string | typeof page>([['site/index.html', page], ['wiki/a.md', '# A']]), undefined, undefined, undefined, stage)
    expect(readFileSync(join(out, 'site/index.html'), 'utf8')).toBe('<p>home</p>')
    expect(readFileSync(join(out, 'wiki/a.md'), 'utf8')).toBe('# A')
    expect(readdirSync(root)).toEqual(['dist'])
  })

  it('discards what it staged: the output folder stays as the last build left it', () => {
    const { root, out } = freshOut()
    writeChanged(out, files({ 'site/a.html': 'A' }))
    const stage = new OutputStage(out)
    stage.put('site/a.html', 'broken build')
    stage.put('site/new.html', 'N')
    stage.discard()
    expect(readFileSync(join(out, 'site/a.html'), 'utf8')).toBe('A')
    expect(existsSync(join(out, 'site/new.html'))).toBe(false)
    expect(readdirSync(out).filter((name) => name.includes('stage'))).toEqual([])
    expect(readdirSync(root)).toEqual(['dist'])
  })

  it('refuses a path that would leave the output folder, before writing it anywhere', () => {
    const { root, out } = freshOut()
    writeChanged(out, files({ 'a.md': 'A' }))
    const stage = new OutputStage(out)
    expect(() => stage.put('../escape.html', 'x')).toThrow(UnsafeOutputError)
    expect(() => stage.put('site/../../escape.html', 'x')).toThrow(UnsafeOutputError)
    stage.discard()
    expect(readdirSync(root)).toEqual(['dist'])
  })

  it('removes what killed builds left, beside the folder and inside it, and nothing else', () => {
    const { root, out } = freshOut()
    writeChanged(out, files({ 'a.md': 'A' }))
    // Above the kernel's largest pid: no such process.
    const gone = 4194305
    const made = (path: string, marked: boolean) => {
      mkdirSync(path, { recursive: true })
      writeFileSync(join(path, 'page.html'), 'x')
      if (marked) writeFileSync(join(path, OUTPUT_MARKER), '')
    }
    made(join(root, `dist.tmp-${gone}-abc`), true)
    made(join(root, `dist.old-${gone}-abd`), true)
    made(join(out, `.analytics-wiki-stage-${gone}`), false)
    // Kept: a build still running (this one), a folder analytics-wiki did not make, another output's names.
    made(join(root, `dist.tmp-${process.pid}-abe`), true)
    made(join(root, `dist.tmp-${gone}-abf`), false)
    made(join(root, `distant.tmp-${gone}-abg`), true)
    new OutputStage(out).discard()
    expect(readdirSync(root).sort()).toEqual(['dist', `dist.tmp-${gone}-abf`, `dist.tmp-${process.pid}-abe`, `distant.tmp-${gone}-abg`].sort())
    expect(readdirSync(out).filter((name) => name.includes('stage'))).toEqual([])
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A')
  })
})
