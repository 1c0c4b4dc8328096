import { describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { watchBuild } from '../../src/watch/watch-build.js'
import type { IncrementalResult } from '../../src/cache/incremental-build.js'
import { ageFiles, exampleCopy, filesOf, firstFile } from '../cache/example-copy.js'
import { incrementalBuild } from '../../src/cache/incremental-build.js'

/** Runs watchBuild on a copy of the example content; `next()` resolves with the next build's result. */
function watching(cache = false, site = false) {
  const { dir, config: wikiOnly } = exampleCopy()
  const config = { ...wikiOnly, site }
  const cacheDir = cache ? join(dir, 'cache') : null
  // Files older than the racy window are known by their stamps, so an edit must be seen by its stamp.
  ageFiles(dir)
  const controller = new AbortController()
  const results: IncrementalResult[] = []
  const waiting: ((result: IncrementalResult) => void)[] = []
  const done = watchBuild({
    configOf: () => config,
    cacheDir,
    report: () => {},
    signal: controller.signal,
    debounceMs: 20,
    onBuild: (result) => {
      results.push(result)
      waiting.shift()?.(result)
    },
  })
  const next = () => new Promise<IncrementalResult>((resolve) => waiting.push(resolve))
  const stop = async () => {
    controller.abort()
    await done
  }
  return { dir, config, cacheDir, results, next, stop }
}


const settle = () => new Promise((tick) => setTimeout(tick, 300))

describe('watchBuild', () => {
  it('rebuilds from the files that changed and repairs outputs changed behind its back', async () => {
    const w = watching()
    try {
      await (w.results.length > 0 ? Promise.resolve() : w.next())
      await settle()
      const cards = join(w.config.out, 'wiki', 'Detection_Rules')
      const rule = firstFile(w.config.rules[0]!, '.yml')
      const original = readFileSync(rule, 'utf8')
      const edit = async (marker: string) => {
        const built = w.next()
        writeFileSync(rule, original.replace(/^title: (.*)$/m, `title: $1 (${marker})`))
        return built
      }
      const card = join(cards, `${basename(rule, '.yml')}.md`)
      await edit('first edit')
      expect(readFileSync(card, 'utf8')).toContain('(first edit)')

      // Another card overwritten and a third removed while watching: the next rebuild puts both back.
      const [other, third] = readdirSync(cards).filter((name) => join(cards, name) !== card).map((name) => join(cards, name))
      expect(existsSync(third!)).toBe(true)
      const otherText = readFileSync(other!, 'utf8')
      const thirdText = readFileSync(third!, 'utf8')
      writeFileSync(other!, 'tampered')
      rmSync(third!)
      await settle()
      const rebuilt = await edit('second edit')
      expect(rebuilt.write!.written).toBeGreaterThanOrEqual(3)
      expect(readFileSync(other!, 'utf8')).toBe(otherText)
      expect(readFileSync(third!, 'utf8')).toBe(thirdText)
      expect(readFileSync(card, 'utf8')).toContain('(second edit)')

      // A new rule file: the inputs are listed again.
      const added = join(dirname(rule), 'zz_added_rule.yml')
      const built = w.next()
      copyFileSync(rule, added)
      await built
      expect(readFileSync(join(cards, 'zz_added_rule.md'), 'utf8')).toContain('(second edit)')
    } finally {
      await w.stop()
    }
    // What the watching process left is what a build from scratch makes of the same inputs.
    const fresh = join(w.dir, 'fresh')
    await incrementalBuild({ ...w.config, out: fresh }, { cacheDir: null, report: () => {} })
    expect(filesOf(w.config.out)).toEqual(filesOf(fresh))
  }, 60_000)

  it('saves its state for the next process once idle or stopped: a build after it has nothing to do', async () => {
    const w = watching(true)
    const rule = firstFile(w.config.rules[0]!, '.yml')
    try {
      await (w.results.length > 0 ? Promise.resolve() : w.next())
      await settle()
      const built = w.next()
      writeFileSync(rule, `${readFileSync(rule, 'utf8')}\n# edited while watching\n`)
      expect((await built).write!.written).toBe(1)
    } finally {
      await w.stop()
    }
    // Up to date by the state the watch saved as it stopped (the first build's would not say so).
    const next = await incrementalBuild(w.config, { cacheDir: w.cacheDir, report: () => {} })
    expect(next.upToDate).toBe(true)
  }, 60_000)

  it('builds an edit only the card shows from the rule alone, and later edits as usual, as a build from scratch would', async () => {
    const w = watching(true, true)
    const rule = firstFile(w.config.rules[0]!, '.yml')
    const original = readFileSync(rule, 'utf8')
    const change = async (text: string) => {
      const built = w.next()
      writeFileSync(rule, text)
      return built
    }
    try {
      await (w.results.length > 0 ? Promise.resolve() : w.next())
      await settle()
      const comment = await change(`${original}\n# edited while watching\n`)
      expect(comment.cardOnly).toBe(true)
      expect(comment.write!.written).toBe(2)
      expect((await change(original.replace(/^title: (.*)$/m, 'title: $1 (watched)'))).cardOnly).toBeUndefined()
      expect((await change(`${original.replace(/^title: (.*)$/m, 'title: $1 (watched)')}\n# again\n`)).cardOnly).toBe(true)
      // Back to a text the first build kept pages of.
      await change(original)
    } finally {
      await w.stop()
    }
    const fresh = join(w.dir, 'fresh')
    await incrementalBuild({ ...w.config, out: fresh }, { cacheDir: null, report: () => {} })
    expect(filesOf(w.config.out)).toEqual(filesOf(fresh))
    // The state saved as the watch stopped is right for a new process.
    expect((await incrementalBuild(w.config, { cacheDir: w.cacheDir, report: () => {} })).upToDate).toBe(true)
  }, 60_000)
})
