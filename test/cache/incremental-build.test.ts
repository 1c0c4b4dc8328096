import { describe, expect, it } from 'vitest'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../src/build.js'
import { incrementalBuild } from '../../src/cache/incremental-build.js'
import { ageFiles, exampleCopy, firstFile } from './example-copy.js'

const quietly = { report: () => {} }

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
