import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { build } from '../../src/build.js'
import { incrementalBuild } from '../../src/cache/incremental-build.js'
import { racyUnchanged } from '../../src/cache/build-state.js'
import { UnitStore } from '../../src/cache/unit-store.js'
import { LazyPart } from '../../src/cache/lazy-part.js'
import { hashOf } from '../../src/cache/hash.js'
import { contentOf, OUTPUT_MANIFEST } from '../../src/write/index.js'
import { ageFiles, edit, exampleCopy, firstFile } from './example-copy.js'

const quietly = { report: () => {} }


function readdirRecursive(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((name) => join(dir, name))
}

describe('incrementalBuild', () => {
  it('is up to date when nothing changed; an edited rule rewrites its card and nothing else', async () => {
    const { dir, config } = exampleCopy()
    ageFiles(dir)
    const cacheDir = join(dir, 'cache')
    const first = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(first.upToDate).toBe(false)
    expect(first.write!.written).toBe(first.fileCount)
    expect((await incrementalBuild(config, { cacheDir, ...quietly })).upToDate).toBe(true)

    const rule = firstFile(config.rules[0]!, '.yml')
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const edited = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(edited.upToDate).toBe(false)
    expect(edited.write!.written).toBe(1)
    expect(edited.cache!.units - edited.cache!.reused).toBe(1)
    // The tree on disk is what a build from scratch gives.
    for (const [path, content] of build(config).files) expect(readFileSync(join(config.out, path), 'utf8')).toBe(content)
  })

  it('after a one-rule edit, a new process reads no other rule\'s documents, queries or card, and writes what a build from scratch gives', async () => {
    const { config: wikiOnly, dir } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const cacheDir = join(dir, 'cache')
    await incrementalBuild(config, { cacheDir, ...quietly })
    const rule = firstFile(config.rules[0]!, '.yml')
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const get = LazyPart.prototype.get
    let loads = 0
    LazyPart.prototype.get = function (this: LazyPart<unknown>) {
      if (!this.isLoaded) loads++
      return get.call(this)
    }
    try {
      // A new UnitStore reads the packs from disk, as a new process would.
      const edited = await incrementalBuild(config, { cacheDir, ...quietly })
      expect(edited.cache!.units - edited.cache!.reused).toBe(1)
      // The edited rule's parts were computed here: any part read from the pack is another rule's.
      expect(loads).toBe(0)
    } finally {
      LazyPart.prototype.get = get
    }
    for (const [path, content] of build(config).files) expect(readFileSync(join(config.out, path)), path).toEqual(Buffer.from(contentOf(content)))
  })

  it('reports the link problems of a page kept from the last build, as a build from scratch does', async () => {
    const { config: wikiOnly, dir } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const cacheDir = join(dir, 'cache')
    const atomics = firstFile(config.triggers, '.yaml')
    // A link to an id the trigger page does not have (test descriptions are Markdown): the site's link check reports it.
    edit(atomics, (t) => t.replace(/^( {2}description: \|\n)/m, '$1    See [the inputs](#no-such-id).\n'))
    const broken = (diagnostics: { code?: string; message: string }[]) => diagnostics.filter((d) => d.code === 'broken-fragment' && d.message.includes('no-such-id'))
    const first = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(broken(first.diagnostics)).toHaveLength(1)
    // A rule's edit: the trigger page is kept, its findings come from the last check.
    const rule = firstFile(config.rules[0]!, '.yml')
    edit(rule, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const again = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(again.write!.written).toBeLessThan(again.fileCount / 2)
    expect(again.diagnostics).toEqual(build(config).diagnostics)
    expect(broken(again.diagnostics)).toHaveLength(1)
  })

  it('a watching process gives, after each kind of edit, what a build from scratch gives, site included', async () => {
    const { dir, config: wikiOnly } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const store = new UnitStore(null)
    const watching = { cacheDir: null, store, ...quietly }
    await incrementalBuild(config, watching)
    const rules = readdirRecursive(config.rules[0]!).filter((p) => p.endsWith('.yml'))
    const edits: [string, () => void][] = [
      ['a rule title', () => edit(rules[0]!, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))],
      ['a rule tag', () => edit(rules[1]!, (t) => t.replace(/^tags:\n/m, 'tags:\n    - attack.t1059.001\n'))],
      ['a rule detection', () => edit(rules[2]!, (t) => t.replace(/^(\s+condition: )(.*)$/m, '$1not ($2)'))],
      ['a Data Needed description', () => edit(firstFile(config.dataNeeded, '.yml'), (t) => t.replace(/^description: (.*)$/m, 'description: $1 (edited)'))],
      ['an atomic test name', () => edit(firstFile(config.triggers, '.yaml'), (t) => t.replace(/^- name: (.*)$/m, '- name: $1 edited'))],
      ['a removed rule', () => rmSync(rules[3]!)],
      ['an added rule', () => writeFileSync(join(dir, 'rules', 'added.yml'), readFileSync(rules[4]!, 'utf8').replace(/^title: (.*)$/m, 'title: Added copy of $1'))],
    ]
    for (const [what, change] of edits) {
      change()
      const rebuilt = await incrementalBuild(config, watching)
      expect(rebuilt.write!.written, what).toBeGreaterThan(0)
      const fresh = build(config).files
      expect(rebuilt.fileCount, what).toBe(fresh.size)
      for (const [path, given] of fresh) { const content = contentOf(given); expect(readFileSync(join(config.out, path), typeof content === 'string' ? 'utf8' : null), `${what}: ${path}`).toEqual(typeof content === 'string' ? content : Buffer.from(content)) }
    }
    // The title edit again: most site pages are handed back from the memo, so few files are written.
    edit(rules[0]!, (t) => t.replace(/ \(edited\)$/m, ''))
    const again = await incrementalBuild(config, watching)
    expect(again.write!.written).toBeLessThan(again.fileCount / 4)
    // A comment shows only on the rule's own card (wiki and site): the cross-link pages are kept whole.
    edit(rules[5]!, (t) => `${t}\n# edited\n`)
    const comment = await incrementalBuild(config, watching)
    expect(comment.write!.written).toBe(2)
    for (const [path, content] of build(config).files) expect(readFileSync(join(config.out, path)), `comment: ${path}`).toEqual(Buffer.from(contentOf(content)))
  })

  it('with a disk cache, a new process keeps the site pages an edit does not touch, and remakes one changed by hand', async () => {
    const { config: wikiOnly } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const cacheDir = join(config.out, '..', 'cache')
    await incrementalBuild(config, { cacheDir, ...quietly })
    const rules = readdirRecursive(config.rules[0]!).filter((p) => p.endsWith('.yml'))
    edit(rules[0]!, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const edited = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(edited.write!.written).toBeLessThan(edited.fileCount / 4)
    // A page no edit touches, changed by hand: the memo cannot vouch for it, so every page is made again.
    const page = join(config.out, 'site', readdirRecursive(join(config.out, 'site')).map((p) => p.slice(join(config.out, 'site').length + 1)).find((p) => p.startsWith('Data_Needed/') && p.endsWith('.html'))!)
    writeFileSync(page, 'changed by hand')
    edit(rules[1]!, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const again = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(again.write!.written).toBeGreaterThan(1)
    expect(readFileSync(page, 'utf8')).not.toBe('changed by hand')
    for (const [path, content] of build(config).files) expect(readFileSync(join(config.out, path)), path).toEqual(Buffer.from(contentOf(content)))
    // Hashes the cards brought from the cache are those of the files written.
    const manifest = JSON.parse(readFileSync(join(config.out, OUTPUT_MANIFEST), 'utf8')) as Record<string, string>
    for (const [path, hash] of Object.entries(manifest)) expect(hash, path).toBe(hashOf(readFileSync(join(config.out, path), 'utf8')))
  })

  it('a fresh checkout with a restored cache (an empty output folder) reuses every unit and writes what a build from scratch gives', async () => {
    const { config: wikiOnly } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const cacheDir = join(config.out, '..', 'cache')
    await incrementalBuild(config, { cacheDir, ...quietly })
    rmSync(config.out, { recursive: true, force: true })
    const restored = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(restored.cache!.reused).toBe(restored.cache!.units)
    expect(restored.write!.written).toBe(restored.fileCount)
    const reference = build(config).files
    expect(restored.fileCount).toBe(reference.size)
    for (const [path, content] of reference) expect(readFileSync(join(config.out, path)), path).toEqual(Buffer.from(contentOf(content)))
  })

  it('an edit that keeps every cross-link page whole still keeps their cache entries for the next edit', async () => {
    const { config: wikiOnly } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    const cacheDir = join(config.out, '..', 'cache')
    const entries = () => readdirRecursive(join(cacheDir, 'units')).filter((p) => statSync(p).isFile()).length
    await incrementalBuild(config, { cacheDir, ...quietly })
    const before = entries()
    const rule = readdirRecursive(config.rules[0]!).filter((p) => p.endsWith('.yml'))[0]!
    edit(rule, (t) => `${t}\n# edited\n`)
    const comment = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(comment.write!.written).toBe(2)
    // The old unit and card content give way to new ones; the pages kept whole keep their entries.
    expect(entries()).toBeGreaterThanOrEqual(before - 2)
  })

  it('after an edit made just before the build, the next build checks that file by content: up to date until it changes', async () => {
    const { dir, config } = exampleCopy()
    ageFiles(dir)
    const cacheDir = join(dir, 'cache')
    await incrementalBuild(config, { cacheDir, ...quietly })
    const rule = firstFile(config.rules[0]!, '.yml')
    edit(rule, (text) => text.replace(/^title: (.*)$/m, 'title: $1 (racy)'))
    expect((await incrementalBuild(config, { cacheDir, ...quietly })).upToDate).toBe(false)
    // Its time stamp is too fresh to trust, its content is what the build read.
    expect((await incrementalBuild(config, { cacheDir, ...quietly })).upToDate).toBe(true)
    // Same size, same modification time, new content: a file system with coarse times would show no change.
    const { atime, mtime } = statSync(rule)
    const read = readFileSync(rule, 'utf8')
    expect(racyUnchanged([{ path: rule, hash: hashOf(read) }])).toBe(true)
    edit(rule, (text) => text.replace('(racy)', '(RACY)'))
    expect(racyUnchanged([{ path: rule, hash: hashOf(read) }])).toBe(false)
    utimesSync(rule, atime, mtime)
    const again = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(again.upToDate).toBe(false)
    expect(readFileSync(join(config.out, 'wiki/Detection_Rules', `${basename(rule, '.yml')}.md`), 'utf8')).toContain('(RACY)')
  })

  it('is not up to date when a setting, or a file in the output folder, changed', async () => {
    const { dir, config } = exampleCopy()
    ageFiles(dir)
    const cacheDir = join(dir, 'cache')
    await incrementalBuild(config, { cacheDir, ...quietly })
    expect((await incrementalBuild({ ...config, base: '/other/' }, { cacheDir, ...quietly })).upToDate).toBe(false)
    await incrementalBuild(config, { cacheDir, ...quietly })
    const card = join(config.out, 'wiki/Triggers', 'T1046.md')
    writeFileSync(card, 'changed by hand')
    const again = await incrementalBuild(config, { cacheDir, ...quietly })
    expect(again.upToDate).toBe(false)
    expect(again.write!.written).toBe(1)
    expect(readFileSync(card, 'utf8')).not.toBe('changed by hand')
  })

  it('with no cache folder, builds everything and writes only what changed', async () => {
    const { config } = exampleCopy()
    const first = await incrementalBuild(config, { cacheDir: null, ...quietly })
    const stamp = statSync(join(config.out, 'wiki/Triggers', 'T1046.md')).mtimeMs
    const second = await incrementalBuild(config, { cacheDir: null, ...quietly })
    expect(second.cache!.reused).toBe(0)
    expect(second.write!.written).toBe(0)
    expect(second.fileCount).toBe(first.fileCount)
    expect(statSync(join(config.out, 'wiki/Triggers', 'T1046.md')).mtimeMs).toBe(stamp)
  })
})

describe('the working folder', () => {
  it('is part of what a build depends on: outputs show input paths relative to it', async () => {
    const { dir, config: wikiOnly } = exampleCopy()
    const config = { ...wikiOnly, site: true }
    ageFiles(dir)
    const cacheDir = join(dir, 'cache')
    const before = process.cwd()
    try {
      process.chdir(dir)
      await incrementalBuild(config, { cacheDir, ...quietly })
      expect((await incrementalBuild(config, { cacheDir, ...quietly })).upToDate).toBe(true)
      const shownFromDir = readFileSync(join(config.out, 'rules.json'), 'utf8')
      process.chdir(join(dir, 'rules'))
      expect((await incrementalBuild(config, { cacheDir, ...quietly })).upToDate).toBe(false)
      const shown = readFileSync(join(config.out, 'rules.json'), 'utf8')
      expect(shown).not.toBe(shownFromDir)
      const fresh = join(dir, 'fresh')
      await incrementalBuild({ ...config, out: fresh }, { cacheDir: null, ...quietly })
      expect(shown).toBe(readFileSync(join(fresh, 'rules.json'), 'utf8'))
    } finally {
      process.chdir(before)
    }
  })
})
