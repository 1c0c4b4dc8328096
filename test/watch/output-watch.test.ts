import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OutputWatch } from '../../src/watch/output-watch.js'

/** An output-like folder: two files at the top, one in a sub-folder. */
function outputFolder(): string {
  const out = mkdtempSync(join(tmpdir(), 'aw-outwatch-'))
  mkdirSync(join(out, 'wiki'))
  writeFileSync(join(out, 'a.txt'), 'a')
  writeFileSync(join(out, 'b.txt'), 'b')
  writeFileSync(join(out, 'wiki', 'c.md'), 'c')
  return out
}

/** Waits until `done()` holds (events arrive asynchronously); fails after two seconds. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 2000) throw new Error('timed out waiting for a file event')
    await new Promise((tick) => setTimeout(tick, 10))
  }
}

/** Runs `run` with a started watch on a new output-like folder, and closes it after. */
async function watching(run: (watch: OutputWatch, out: string) => Promise<void> | void): Promise<void> {
  const out = outputFolder()
  const watch = new OutputWatch(out)
  watch.restart()
  try {
    await run(watch, out)
  } finally {
    watch.close()
  }
}

describe('OutputWatch', () => {
  it('trusts nothing before it starts', () => {
    expect(new OutputWatch(outputFolder()).snapshot().trusts('a.txt')).toBe(false)
  })

  it('trusts every file until an event names it, then until a build that started after the event settles', () =>
    watching(async (watch, out) => {
      const trust = watch.snapshot()
      expect(['a.txt', 'b.txt', 'wiki/c.md'].map((rel) => trust.trusts(rel))).toEqual([true, true, true])
      writeFileSync(join(out, 'wiki', 'c.md'), 'changed')
      await until(() => !trust.trusts('wiki/c.md'))
      expect(trust.trusts('a.txt')).toBe(true)
      trust.settle()
      const next = watch.snapshot()
      expect(next.trusts('wiki/c.md')).toBe(false)
      next.settle()
      expect(watch.snapshot().trusts('wiki/c.md')).toBe(true)
    }))

  it('keeps in doubt a change made while a build runs, after that build settles', () =>
    watching(async (watch, out) => {
      const build = watch.snapshot()
      writeFileSync(join(out, 'b.txt'), 'changed during the build')
      await until(() => !build.trusts('b.txt'))
      build.settle()
      expect(watch.snapshot().trusts('b.txt')).toBe(false)
    }))

  it('doubts every file of a folder made or removed, and watches a new folder', () =>
    watching(async (watch, out) => {
      const first = watch.snapshot()
      mkdirSync(join(out, 'site'))
      writeFileSync(join(out, 'site', 'x.html'), 'x')
      await until(() => !first.trusts('site/x.html'))
      first.settle()
      const second = watch.snapshot()
      second.settle()
      expect(watch.snapshot().trusts('site/x.html')).toBe(true)
      // The new folder is watched: a later change in it is seen.
      const third = watch.snapshot()
      writeFileSync(join(out, 'site', 'x.html'), 'changed')
      await until(() => !third.trusts('site/x.html'))
      rmSync(join(out, 'wiki'), { recursive: true })
      await until(() => !third.trusts('wiki/c.md'))
    }))

  it('trusts nothing once the folder itself is replaced', () =>
    watching((watch, out) => {
      renameSync(out, `${out}.old`)
      mkdirSync(out)
      writeFileSync(join(out, 'a.txt'), 'a')
      expect(watch.snapshot().trusts('a.txt')).toBe(false)
      expect(watch.watching).toBe(false)
      watch.restart()
      expect(watch.snapshot().trusts('a.txt')).toBe(true)
    }))
})
