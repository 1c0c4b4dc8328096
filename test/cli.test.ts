import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../src/cli.js'

const repo = fileURLToPath(new URL('..', import.meta.url))

function run(argv: string[], cwd = repo) {
  let stdout = ''
  let stderr = ''
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd })
  return code.then((exitCode) => ({ exitCode, stdout, stderr }))
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.set(relative(dir, full), readFileSync(full, 'latin1'))
    }
  }
  walk(dir)
  return out
}

/** A copy of the example content to break on purpose. */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aw-cli-'))
  for (const sub of ['rules', 'data_needed', 'triggers']) cpSync(join(repo, sub), join(dir, sub), { recursive: true })
  return dir
}

describe('analytics-wiki CLI', () => {
  it('prints usage and rejects unknown commands with exit 2', async () => {
    expect((await run(['--help'])).exitCode).toBe(0)
    const bad = await run(['frobnicate'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toMatch(/unknown command 'frobnicate', expected one of build/)
    expect((await run(['build', '--no-such-flag'])).exitCode).toBe(2)
  })

  it('builds the example wiki: a card per rule, Data Needed, Logging Policy, Enrichment and Trigger', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aw-out-')), 'dist')
    const { exitCode, stderr } = await run(['build', '--out', out, '--quiet', '--no-site'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const files = [...tree(out).keys()]
    const count = (section: string) => files.filter((f) => f.startsWith(`wiki/${section}/`)).length
    expect(count('Detection_Rules')).toBe(13)
    expect(count('Data_Needed')).toBe(readdirSync(join(repo, 'data_needed')).filter((f) => f.endsWith('.yml')).length)
    expect(count('Logging_Policies')).toBeGreaterThan(0)
    expect(count('Enrichments')).toBe(5)
    expect(count('Triggers')).toBe(readdirSync(join(repo, 'triggers')).length)
  })

  it('is deterministic: two builds give the same bytes', async () => {
    const a = join(mkdtempSync(join(tmpdir(), 'aw-a-')), 'dist')
    const b = join(mkdtempSync(join(tmpdir(), 'aw-b-')), 'dist')
    await run(['build', '--out', a, '--quiet'])
    await run(['build', '--out', b, '--quiet'])
    expect(tree(a)).toEqual(tree(b))
  })

  it('reports a broken rule with its position, builds the rest, and fails only with --strict', async () => {
    const dir = exampleCopy()
    writeFileSync(join(dir, 'rules', 'broken.yml'), 'title: Broken\nid: x\ndetection:\n  sel: [a, b\n')
    const out = join(dir, 'dist')
    const loose = await run(['build', '--out', out, '--quiet', '--no-site'], dir)
    expect(loose.exitCode).toBe(0)
    expect(loose.stderr).toMatch(/rules\/broken\.yml:\d+:\d+: error: invalid YAML/)
    expect(readdirSync(join(out, 'wiki/Detection_Rules'))).toHaveLength(13)
    const strict = await run(['build', '--out', out, '--quiet', '--no-site', '--strict'], dir)
    expect(strict.exitCode).toBe(1)
  })

  it('never writes outside --out, whatever a title says', async () => {
    const dir = exampleCopy()
    const dn = readdirSync(join(dir, 'data_needed')).find((f) => f.endsWith('.yml'))!
    const text = readFileSync(join(dir, 'data_needed', dn), 'utf8').replace(/^title: .*$/m, "title: '../../../escaped'")
    writeFileSync(join(dir, 'data_needed', dn), text)
    const out = join(dir, 'nested', 'dist')
    const { exitCode } = await run(['build', '--out', out, '--quiet', '--no-site'], dir)
    expect(exitCode).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['data_needed', 'nested', 'rules', 'triggers'])
    expect(readdirSync(join(dir, 'nested'))).toEqual(['dist'])
    // atc-data names pages after the file, so the hostile title only shows inside the page.
    expect(readFileSync(join(out, 'wiki/Data_Needed', dn.replace(/\.yml$/, '.md')), 'utf8')).toContain('../../../escaped')
  })
})
