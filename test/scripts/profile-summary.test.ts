import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bundleModules, GARBAGE_COLLECTION, OUTSIDE, summarizeProfile, type CpuProfile } from '../../src/scripts/profile-summary.js'
import { exampleCopy } from '../cache/example-copy.js'

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber })

describe('summarizeProfile', () => {
  // (root) → main (lib/cli.js) → render (lib/site/page.js) → parse (npm) → hash (node:internal)
  //                            → (garbage collector); (program) beside main.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6, 7] },
      { id: 2, callFrame: frame('main', 'file:///pkg/lib/cli.js'), children: [3] },
      { id: 3, callFrame: frame('render', 'file:///pkg/lib/site/page.js'), children: [4] },
      { id: 4, callFrame: frame('parse', 'file:///pkg/node_modules/micromark/index.js'), children: [5] },
      { id: 5, callFrame: frame('update', 'node:internal/crypto/hash') },
      { id: 6, callFrame: frame('(garbage collector)', '') },
      { id: 7, callFrame: frame('(program)', '') },
    ],
    samples: [2, 3, 4, 5, 5, 6, 7, 1],
    timeDeltas: [1000, 2000, 3000, 4000, 4000, 5000, 6000, 7000],
  }
  const moduleOf = (url: string) => (url.startsWith('file:///pkg/lib/') ? url.slice('file:///pkg/'.length) : url.includes('node_modules') ? 'npm:micromark' : url || '(native)')

  it('counts library and Node time for the innermost module of the package that called it', () => {
    const summary = summarizeProfile(profile, moduleOf)
    expect(summary.totalMs).toBe(32)
    expect(summary.modules).toEqual([
      { name: OUTSIDE, ms: 13 },
      { name: 'lib/site/page.js', ms: 13 },
      { name: GARBAGE_COLLECTION, ms: 5 },
      { name: 'lib/cli.js', ms: 1 },
    ])
    expect(summary.folders).toEqual([
      { name: OUTSIDE, ms: 13 },
      { name: 'lib/site', ms: 13 },
      { name: GARBAGE_COLLECTION, ms: 5 },
      { name: 'lib', ms: 1 },
    ])
  })

  it('sums a real build of the example content by the bundle modules it ran', () => {
    const { dir } = exampleCopy()
    const bin = fileURLToPath(new URL('../../bin/analytics-wiki.js', import.meta.url))
    const profiles = join(dir, 'profiles')
    const args = ['build', '--rules', 'rules', '--data-needed', 'data_needed', '--logging-policies', 'data_needed/logging_policies', '--enrichments', 'data_needed/enrichments', '--triggers', 'triggers', '--out', 'out', '--no-cache', '--quiet']
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', profiles, bin, ...args], { cwd: dir, stdio: 'pipe' })
    const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'))!
    const summary = summarizeProfile(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile, bundleModules())
    const names = summary.modules.map((m) => m.name)
    // The bundle's modules are told apart, and only the package's own modules (and the two buckets) appear.
    expect(names).toEqual(expect.arrayContaining(['lib/convert/text-backend.js', 'lib/load/load-rules.js']))
    expect(names.filter((name) => !name.startsWith('lib/') && name !== OUTSIDE && name !== GARBAGE_COLLECTION)).toEqual([])
    const summed = summary.modules.reduce((sum, m) => sum + m.ms, 0)
    expect(Math.abs(summed - summary.totalMs)).toBeLessThanOrEqual(summary.modules.length)
    expect(Math.abs(summary.folders.reduce((sum, f) => sum + f.ms, 0) - summary.totalMs)).toBeLessThanOrEqual(summary.folders.length)
  }, 60_000)
})
