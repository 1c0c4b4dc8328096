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

describe('OutputWatch', () => {
  it('trusts nothing before it starts, then every file until an event names it', async () => {
    const out = outputFolder()
    const watch = new OutputWatch(out)
    expect(watch.snapshot().trusts('a.txt')).toBe(false)
    watch.restart()
    try {
      const trust = watch.snapshot()
      expect(['a.txt', 'b.txt', 'wiki/c.md'].map((rel) => trust.trusts(rel))).toEqual([true, true, true])
      writeFileSync(join(out, 'wiki', 'c.md'), 'changed')
      await until(() => !trust.trusts('wiki/c.md'))
      expect(trust.trusts('a.txt')).toBe(true)
      // Still in doubt for the next build, until a build that started after the event settles.
      trust.settle()
      const next = watch.snapshot()
      expect(next.trusts('wiki/c.md')).toBe(false)
      next.settle()
      expect(watch.snapshot().trusts('wiki/c.md')).toBe(true)
    } finally {
      watch.close()
    }
  })

  it('keeps in doubt a change made while a build runs, after that build settles', async () => {
    const out = outputFolder()
    const watch = new OutputWatch(out)
    watch.restart()
    try {
      const build = watch.snapshot()
      writeFileSync(join(out, 'b.txt'), 'changed during the build')
      await until(() => !build.trusts('b.txt'))
      build.settle()
      expect(watch.snapshot().trusts('b.txt')).toBe(false)
    } finally {
      watch.close()
    }
  })

  it('doubts every file of a folder made or removed, and watches a new folder', async () => {
    const out = outputFolder()
    const watch = new OutputWatch(out)
    watch.restart()
    try {
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
    } finally {
      watch.close()
    }
  })

  it('trusts nothing once the folder itself is replaced', () => {
    const out = outputFolder()
    const watch = new OutputWatch(out)
    watch.restart()
    try {
      renameSync(out, `${out}.old`)
      mkdirSync(out)
      writeFileSync(join(out, 'a.txt'), 'a')
      expect(watch.snapshot().trusts('a.txt')).toBe(false)
      expect(watch.watching).toBe(false)
      watch.restart()
      expect(watch.snapshot().trusts('a.txt')).toBe(true)
    } finally {
      watch.close()
    }
  })
})
