import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { PACKAGE_ROOT } from '../src/package-root.js'
import { MARKER } from '../src/scripts/profile-summary.js'
import { exampleCopy } from './cache/example-copy.js'

const repo = fileURLToPath(new URL('..', import.meta.url))
const bin = join(repo, 'bin', 'analytics-wiki.js')

function filesBelow(dir: string, out = new Map<string, string>(), root = dir): Map<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) filesBelow(full, out, root)
    else out.set(relative(root, full), readFileSync(full, 'utf8'))
  }
  return out
}

// The installed command runs the bundle (lib/bundle/, made by `npm run compile`), whose modules sit
// elsewhere than the sources': templates, bundled data and the worker must still be found from there.
describe('bin/analytics-wiki.js (the bundled CLI)', () => {
  it('finds the package root from the sources', () => {
    expect(PACKAGE_ROOT).toBe(repo.replace(/\/$/, ''))
  })

  it('runs the bundle, not the 600 modules of tsc output', () => {
    expect(readFileSync(bin, 'utf8')).toContain('../lib/bundle/cli.js')
    expect(existsSync(join(repo, 'lib', 'bundle', 'cli.js')), 'lib/bundle/cli.js is missing: run npm run compile').toBe(true)
    expect(existsSync(join(repo, 'lib', 'bundle', 'unit-worker.js'))).toBe(true)
  })

  // A new process that rebuilds only edited rules' cards (see cardOnlyBuild) loads what it statically reaches.
  it('keeps the Markdown pipeline out of what a card-only rebuild loads', () => {
    const dir = join(repo, 'lib', 'bundle')
    const chunk = readdirSync(dir).find((name) => name.startsWith('card-edit-build-'))
    expect(chunk, 'no card-edit-build chunk in lib/bundle').toBeDefined()
    const reached = new Set<string>()
    const visit = (name: string) => {
      if (reached.has(name)) return
      reached.add(name)
      for (const [, next] of readFileSync(join(dir, name), 'utf8').matchAll(/^import (?:.*? from )?"\.\/([^"]+)";$/gm)) visit(next!)
    }
    visit(chunk!)
    const marker = new RegExp(MARKER.source, 'gm')
    const modules = [...reached].flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(marker)].map((m) => m[1]!))
    expect(modules).toContain('lib/site/rule-card-content.js')
    expect(modules.filter((m) => /^node_modules\/(?:micromark|remark-|rehype-|parse5|unified)/.test(m) || m === 'lib/site/markdown-processor.js')).toEqual([])
  })

  it('builds the example content exactly as the sources do', () => {
    const { dir, config } = exampleCopy()
    const out = join(dir, 'bin-out')
    execFileSync(process.execPath, [bin, 'build', '--rules', 'rules', '--data-needed', 'data_needed', '--logging-policies', 'data_needed/logging_policies', '--enrichments', 'data_needed/enrichments', '--triggers', 'triggers', '--out', out, '--no-cache', '--no-site', '--quiet'], { cwd: dir, stdio: 'pipe' })
    const reference = build(config).files
    // The output folder's own bookkeeping (its marker and manifest) is not part of the build's files.
    const written = new Map([...filesBelow(out)].filter(([path]) => !path.startsWith('.analytics-wiki-')))
    expect([...written.keys()].sort()).toEqual([...reference.keys()].sort())
    for (const [path, text] of reference) expect(written.get(path), path).toBe(text)
  }, 60_000)
})
