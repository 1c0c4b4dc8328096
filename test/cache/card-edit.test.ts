import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { incrementalBuild } from '../../src/cache/incremental-build.js'
import { splicedPage } from '../../src/cache/card-edit.js'
import type { BuildConfig } from '../../src/config.js'
import { ageFiles, edit, exampleCopy, filesOf, firstFile } from './example-copy.js'

const quietly = { report: () => {} }



/** A cached build of the example (wiki and site), and what a build from scratch gives for the inputs as they are then. */
async function setup(site = true) {
  const { dir, config: wikiOnly } = exampleCopy()
  const config: BuildConfig = { ...wikiOnly, site }
  ageFiles(dir)
  const cacheDir = join(dir, 'cache')
  await incrementalBuild(config, { cacheDir, ...quietly })
  const rule = firstFile(config.rules[0]!, '.yml')
  let fresh = 0
  const fromScratch = async () => {
    const out = join(dir, `fresh-${++fresh}`)
    await incrementalBuild({ ...config, out }, { cacheDir: null, ...quietly })
    return filesOf(out)
  }
  const rebuild = () => incrementalBuild(config, { cacheDir, ...quietly })
  return { dir, config, cacheDir, rule, fromScratch, rebuild }
}

describe('card-only edits', () => {
  it('an edit only the card shows (a comment, a false positive) replaces the card and its site page, as a full build would', async () => {
    const { config, rule, fromScratch, rebuild } = await setup()
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}\n# a comment only the card's Sigma block shows\n`)
    const edited = await rebuild()
    expect(edited.cardOnly).toBe(true)
    expect(edited.write!.written).toBe(2)
    expect(edited.cache).toEqual({ units: 1, reused: 0 })
    expect(filesOf(config.out)).toEqual(await fromScratch())

    edit(rule, (text) => text.replace(/^falsepositives:\n/m, 'falsepositives:\n    - A new false positive\n'))
    const again = await rebuild()
    expect(again.cardOnly).toBe(true)
    expect(filesOf(config.out)).toEqual(await fromScratch())
  })

  it('without a site, replaces the card alone', async () => {
    const { config, rule, fromScratch, rebuild } = await setup(false)
    edit(rule, (text) => text.replace(/^falsepositives:\n/m, 'falsepositives:\n    - A new false positive\n'))
    const edited = await rebuild()
    expect(edited.cardOnly).toBe(true)
    expect(edited.write!.written).toBe(1)
    expect(filesOf(config.out)).toEqual(await fromScratch())
  })

  it('an edit the cross-link pages show (the title) is built as usual, and so is the next one after card-only edits', async () => {
    const { config, rule, fromScratch, rebuild } = await setup()
    const original = readFileSync(rule, 'utf8')
    writeFileSync(rule, `${original}\n# comment\n`)
    expect((await rebuild()).cardOnly).toBe(true)
    writeFileSync(rule, original.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const titled = await rebuild()
    expect(titled.cardOnly).toBeUndefined()
    expect(filesOf(config.out)).toEqual(await fromScratch())
    // Back to the text a full build kept pages of: the replaced site page is made again, not kept.
    writeFileSync(rule, `${original}\n# comment\n`)
    await rebuild()
    writeFileSync(rule, original)
    await rebuild()
    expect(filesOf(config.out)).toEqual(await fromScratch())
  })

  it('is not taken when another input changed, or an output is not as the last build left it', async () => {
    const { dir, config, rule, fromScratch, rebuild } = await setup()
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}\n# comment\n`)
    const dataNeeded = firstFile(join(dir, 'data_needed'), '.yml')
    writeFileSync(dataNeeded, `${readFileSync(dataNeeded, 'utf8')}\n# comment\n`)
    expect((await rebuild()).cardOnly).toBeUndefined()
    expect(filesOf(config.out)).toEqual(await fromScratch())

    const index = join(config.out, 'site', 'index.html')
    writeFileSync(index, 'tampered')
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}\n# another comment\n`)
    expect((await rebuild()).cardOnly).toBeUndefined()
    expect(filesOf(config.out)).toEqual(await fromScratch())
  })
})

describe('splicedPage', () => {
  const page = (content: string) => `<html><main>\n<article class="content">\n${content}\n</article>\n<section>related</section></main></html>`
  it('replaces what lies between the layout\'s article tags, keeping the whitespace around it', () => {
    expect(splicedPage(page('<p>old</p>\n'), '<p>new</p>\n')).toBe(page('<p>new</p>\n'))
  })
  it('refuses a page it cannot split in one way', () => {
    expect(splicedPage(`${page('<p>a</p>')}${page('<p>b</p>')}`, '<p>new</p>')).toBeUndefined()
    expect(splicedPage('<html>no article</html>', '<p>new</p>')).toBeUndefined()
    expect(splicedPage(page('<p>a</p>'), '<article class="content">x</article>')).toBeUndefined()
  })
})
