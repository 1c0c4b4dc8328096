import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { build } from '../../src/build.js'
import { loadCatalogue, type AttackCatalogue } from '../../src/attack/index.js'
import { buildCached, type CachedBuildOptions } from '../../src/cache/cached-build.js'
import { UnitStore } from '../../src/cache/unit-store.js'
import { codeDir, toolFingerprint } from '../../src/cache/tool-fingerprint.js'
import type { BuildConfig } from '../../src/config.js'
import { exampleCopy, firstFile } from './example-copy.js'
import { contentOf, DeferredText } from '../../src/write/index.js'
import { hashOf } from '../../src/cache/hash.js'
import { factsStamp } from '../../src/crosslink/facts-stamp.js'
import { ruleFacts } from '../../src/crosslink/rule-facts.js'

/** Builds with the cache and checks the result is exactly what an uncached build gives. */
function cachedAndChecked(config: BuildConfig, options: CachedBuildOptions) {
  const result = buildCached(config, options)
  options.store.endBuild()
  const reference = build(config)
  // A card kept on disk is handed to the write step with its hash and read only if needed: same text.
  const deferred = [...result.files.values()].filter((c) => c instanceof DeferredText)
  for (const card of deferred) expect(hashOf(card.text)).toBe(card.hash)
  expect(new Map([...result.files].map(([path, content]) => [path, contentOf(content)]))).toEqual(reference.files)
  expect(result.diagnostics).toEqual(reference.diagnostics)
  expect(result.rules).toEqual(reference.rules)
  // Facts and stamps taken from the units are what reading each rule's documents gives.
  result.rules.forEach((rule, i) => {
    expect(ruleFacts(rule)).toEqual(ruleFacts(reference.rules[i]!))
    expect(factsStamp(rule)).toBe(factsStamp(reference.rules[i]!))
  })
  return result
}

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')))
}

describe('buildCached', () => {
  it('gives what build gives, and reuses every unit when nothing changed', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    const first = cachedAndChecked(config, { store })
    expect(first.cache.reused).toBe(0)
    const second = cachedAndChecked(config, { store })
    expect(second.cache.reused).toBe(second.cache.units)
  })

  it('with the site: pages come from the cache on the next build, and an edit gives what build gives', () => {
    const { config } = exampleCopy()
    const withSite = { ...config, site: true }
    const store = new UnitStore(null)
    const first = cachedAndChecked(withSite, { store })
    expect([...first.files.keys()].some((p) => p.startsWith('site/'))).toBe(true)
    cachedAndChecked(withSite, { store })
    const rule = firstFile(config.rules[0]!, '.yml')
    edit(rule, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const after = cachedAndChecked(withSite, { store })
    expect([...after.files].filter(([p, t]) => p.startsWith('site/') && first.files.get(p) !== t).length).toBeGreaterThan(0)
  }, 120_000)

  it('a rule edit recomputes that rule only', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    const before = cachedAndChecked(config, { store })
    const rule = firstFile(config.rules[0]!, '.yml')
    edit(rule, (t) => t.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const after = cachedAndChecked(config, { store })
    expect(after.cache.units - after.cache.reused).toBe(1)
    const changed = [...after.files].filter(([path, text]) => before.files.get(path) !== text).map(([path]) => path)
    expect(changed).toHaveLength(1)
    expect(after.files.get(changed[0]!)).toContain('(edited)')
  })

  it('a Data Needed edit recomputes every rule (linking reads them all) and the atc-data cards', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    const before = cachedAndChecked(config, { store })
    edit(firstFile(config.dataNeeded, '.yml'), (t) => t.replace(/^description: (.*)$/m, 'description: $1 (edited)'))
    const after = cachedAndChecked(config, { store })
    const rules = before.rules.length
    const atomics = before.inputs.atomics.length
    // Recomputed: the edited file, every rule, and the atc-data cards; every trigger card is reused.
    expect(after.cache.units - after.cache.reused).toBeGreaterThan(rules + 1)
    expect(after.cache.reused).toBeGreaterThanOrEqual(atomics)
  })

  it('an atomics edit recomputes its trigger card; a new technique folder relinks every rule', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    const before = cachedAndChecked(config, { store })
    const atomics = firstFile(config.triggers, '.yaml')
    edit(atomics, (t) => t.replace(/^- name: (.*)$/m, '- name: $1 edited'))
    const after = cachedAndChecked(config, { store })
    expect(after.cache.units - after.cache.reused).toBe(1)
    expect([...after.files].filter(([p, t]) => before.files.get(p) !== t)).toHaveLength(1)
    mkdirSync(join(config.triggers, 'T1490'))
    const relinked = cachedAndChecked(config, { store })
    expect(relinked.cache.units - relinked.cache.reused).toBe(before.rules.length)
  })

  it('a changed converter config recomputes every rule', () => {
    const { dir, config } = exampleCopy()
    const store = new UnitStore(null)
    const configFile = join(dir, 'grep.yml')
    writeFileSync(configFile, 'fieldmappings:\n  Image: process.image\n')
    const withConfig = { ...config, converterConfigs: { grep: configFile } }
    cachedAndChecked(withConfig, { store })
    expect(cachedAndChecked(withConfig, { store }).cache.reused).toBeGreaterThan(0)
    writeFileSync(configFile, 'fieldmappings:\n  Image: proc.image\n')
    const after = cachedAndChecked(withConfig, { store })
    expect(after.cache.units - after.cache.reused).toBe(after.rules.length)
  })

  it('keeps the parsed converter configurations on disk through a build that converts nothing (an edit undone)', () => {
    const { dir, config } = exampleCopy()
    const cacheDir = join(dir, 'cache')
    // A configuration of its own, so this test process sets its converters up afresh.
    const configFile = join(dir, 'grep.yml')
    const configText = `fieldmappings:\n  Image: process.image.${Date.now()}\n`
    writeFileSync(configFile, configText)
    // With the site: the undone build converts nothing but still writes (the rule's page content again).
    const withConfig = { ...config, site: true, converterConfigs: { grep: configFile } }
    const rawKey = hashOf('conversion-config-raw-1', configText)
    const rawFile = join(cacheDir, 'units', rawKey.slice(0, 2), rawKey)
    const once = (): void => {
      const store = new UnitStore(cacheDir, { retain: false })
      buildCached(withConfig, { store })
      store.endBuild()
    }
    once()
    expect(readdirSync(join(cacheDir, 'units', rawKey.slice(0, 2)))).toContain(rawKey)
    const rule = firstFile(config.rules[0]!, '.yml')
    const original = readFileSync(rule, 'utf8')
    writeFileSync(rule, original.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    once()
    // Undone: every unit is cached, nothing is converted, yet the build writes and prunes what it did not use.
    writeFileSync(rule, original)
    once()
    expect(readFileSync(rawFile).length).toBeGreaterThan(0)
  })

  it('a changed tool (version, code or template) reuses nothing', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    buildCached(config, { store, tool: 'tool-a' })
    expect(buildCached(config, { store, tool: 'tool-a' }).cache.reused).toBeGreaterThan(0)
    const after = buildCached(config, { store, tool: 'tool-b' })
    expect(after.cache.reused).toBe(0)
  })

  it('the tool fingerprint follows the version and every template file', () => {
    const templates = mkdtempSync(join(tmpdir(), 'aw-templates-'))
    writeFileSync(join(templates, 'card.eta'), 'one')
    const a = toolFingerprint({ version: '1.0.0', dirs: [templates] })
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] })).toBe(a)
    expect(toolFingerprint({ version: '1.0.1', dirs: [templates] })).not.toBe(a)
    writeFileSync(join(templates, 'card.eta'), 'two, longer')
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] })).not.toBe(a)
  })

  it('the tool fingerprint takes the bundle folder alone when the code runs from the bundle', () => {
    // The installed command: every module of the tool is in lib/bundle/ (tsc's output beside it is not run).
    expect(codeDir('file:///pkg/lib/bundle/build-a1b2.js')).toBe('/pkg/lib/bundle/')
    // tsc's output and the sources (tests, scripts): the folder above the module's.
    expect(codeDir('file:///pkg/lib/cache/tool-fingerprint.js')).toBe('/pkg/lib/')
    expect(codeDir('file:///pkg/src/cache/tool-fingerprint.ts')).toBe('/pkg/src/')
  })

  it('the tool fingerprint follows content, not file times: a fresh install of the same code keeps the cache', () => {
    const templates = mkdtempSync(join(tmpdir(), 'aw-templates-'))
    const memoFile = join(templates, '..', `${basename(templates)}.memo.json`)
    writeFileSync(join(templates, 'card.eta'), 'one')
    const a = toolFingerprint({ version: '1.0.0', dirs: [templates] }, memoFile)
    utimesSync(join(templates, 'card.eta'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] }, memoFile)).toBe(a)
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] })).toBe(a)
    // Same size, new time: read again, so new content is seen.
    writeFileSync(join(templates, 'card.eta'), 'two')
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] }, memoFile)).not.toBe(a)
  })

  it('the tool fingerprint reads the files only when a name, size or time changed (the memo answers otherwise)', () => {
    const templates = mkdtempSync(join(tmpdir(), 'aw-templates-'))
    const memoFile = join(templates, '..', `${basename(templates)}.memo.json`)
    writeFileSync(join(templates, 'card.eta'), 'one')
    toolFingerprint({ version: '1.0.0', dirs: [templates] }, memoFile)
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as { signature: string; fingerprint: string }
    writeFileSync(memoFile, JSON.stringify({ ...memo, fingerprint: 'from the memo' }))
    expect(toolFingerprint({ version: '1.0.0', dirs: [templates] }, memoFile)).toBe('from the memo')
  })

  it('a changed catalogue recomputes rules and trigger cards, which then quote it', () => {
    const { config } = exampleCopy()
    const store = new UnitStore(null)
    const bundled = loadCatalogue()
    const first = buildCached(config, { store, catalogue: { value: bundled, fingerprint: 'v1' } })
    const id = first.inputs.atomics[0]!.techniqueId
    const changed: AttackCatalogue = { ...bundled, techniques: bundled.techniques.map((t) => (t.id === id ? { ...t, description: 'A changed description.' } : t)) }
    const after = buildCached(config, { store, catalogue: { value: changed, fingerprint: 'v2' } })
    expect(after.cache.units - after.cache.reused).toBe(first.rules.length + first.inputs.atomics.length)
    expect(after.files.get(`wiki/Triggers/${id}.md`)).toContain('A changed description.')
  })

  it('reuses work from disk in a new process, and treats a damaged pack as a miss for each of its units', () => {
    const { dir, config } = exampleCopy()
    const cacheDir = join(dir, 'cache')
    const first = new UnitStore(cacheDir, { retain: false })
    buildCached(config, { store: first })
    first.endBuild()
    const again = cachedAndChecked(config, { store: new UnitStore(cacheDir, { retain: false }) })
    expect(again.cache.reused).toBe(again.cache.units)
    const packs = readdirSync(join(cacheDir, 'packs'))
    expect(packs).toHaveLength(1)
    writeFileSync(join(cacheDir, 'packs', packs[0]!), 'not a cache entry')
    const damaged = cachedAndChecked(config, { store: new UnitStore(cacheDir, { retain: false }) })
    expect(damaged.cache.reused).toBe(0)
    // The damaged file is gone and the units are packed again.
    const after = readdirSync(join(cacheDir, 'packs'))
    expect(after).toHaveLength(1)
    expect(readFileSync(join(cacheDir, 'packs', after[0]!)).toString()).not.toBe('not a cache entry')
    expect(cachedAndChecked(config, { store: new UnitStore(cacheDir) }).cache.reused).toBe(again.cache.units)
  })
})
