import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { RULE_CARD_DIR } from '../../src/diff/index.js'
import { listYamlFiles } from '../../src/load/index.js'
import { DIFF_FIXTURES, fixtureConfig, REFERENCE_OPTIONS } from '../diff/fixture.js'
import { FIXTURES as CHECK_FIXTURES } from '../check/run-fixture.js'
import { runCli } from './run-cli.js'

describe('analytics-wiki card', () => {
  const rulesDir = join(DIFF_FIXTURES, 'new', 'rules')
  const built = build(fixtureConfig(rulesDir)).files
  const rules = listYamlFiles(rulesDir)

  it.each(rules.map((r) => [relative(DIFF_FIXTURES, r)]))('prints exactly the page build writes for %s', async (rule) => {
    const { code, stdout, stderr } = await runCli(DIFF_FIXTURES, 'card', rule, '--rules', 'new/rules', ...REFERENCE_OPTIONS)
    const stem = rule.split('/').pop()!.replace(/\.yml$/, '')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe(built.get(`${RULE_CARD_DIR}${stem}.md`))
  })

  it('takes the parsed converter configurations from the cache folder, and prints the same card', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'aw-card-cache-'))
    const rule = relative(DIFF_FIXTURES, rules[0]!)
    const fresh = await runCli(DIFF_FIXTURES, 'card', rule, '--rules', 'new/rules', '--no-cache', ...REFERENCE_OPTIONS)
    const filling = await runCli(DIFF_FIXTURES, 'card', rule, '--rules', 'new/rules', '--cache', cache, ...REFERENCE_OPTIONS)
    const entries = readdirSync(join(cache, 'units'), { recursive: true }).length
    const cached = await runCli(DIFF_FIXTURES, 'card', rule, '--rules', 'new/rules', '--cache', cache, ...REFERENCE_OPTIONS)
    expect(entries).toBeGreaterThan(0)
    expect([filling.stdout, cached.stdout]).toEqual([fresh.stdout, fresh.stdout])
    // What the cache holds is what the card is made with: emptied configurations give other queries.
    for (const file of readdirSync(join(cache, 'units'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const path = join(file.parentPath, file.name)
      writeFileSync(path, serialize({ key: (deserialize(readFileSync(path)) as { key: string }).key, value: [] }))
    }
    const emptied = await runCli(DIFF_FIXTURES, 'card', rule, '--rules', 'new/rules', '--cache', cache, ...REFERENCE_OPTIONS)
    expect(emptied.stdout).not.toBe(fresh.stdout)
  })

  it('covers several rules of different log sources', () => {
    expect(rules.length).toBeGreaterThanOrEqual(5)
  })

  it('exits 1 with the problems when the rule cannot be read', async () => {
    const { code, stdout, stderr } = await runCli(CHECK_FIXTURES, 'card', 'cases/yaml-syntax/fail/proc_creation_win_cmd_mklink_shadow_copies_access_symlink.yml')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/proc_creation_win_cmd_mklink_shadow_copies_access_symlink\.yml:20:22: error: invalid YAML: .*\[yaml-syntax\]/)
    expect(stderr).toContain('is not a usable rule, so build makes no card for it')
  })

  it.each([
    [[], /expected the rule file to render/],
    [['a.yml', 'b.yml'], /expected one rule file, got 2: a.yml b.yml/],
    [['missing.yml'], /no such rule file: missing.yml/],
    [['new/rules'], /no such rule file: new\/rules/],
  ])('usage error for %j: exit 2 with the usage', async (args, message) => {
    const { code, stderr } = await runCli(DIFF_FIXTURES, 'card', ...args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).toContain('analytics-wiki card RULE.yml [options]')
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
