import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/check/index.js'
import { FIXTURES } from '../check/run-fixture.js'
import { runCli } from './run-cli.js'

const SEEDED = join(FIXTURES, 'seeded')
const REPO_OPTIONS = ['--data-needed', '../repo/data_needed', '--logging-policies', '../repo/logging_policies', '--enrichments', '../repo/enrichments', '--triggers', '../repo/atomics']

describe('analytics-wiki check', () => {
  it('prints path:line:col: severity: message [check-id] and exits 1 on errors', async () => {
    const { code, stdout, stderr } = await runCli(SEEDED, 'check', 'rules', ...REPO_OPTIONS)
    expect(code).toBe(1)
    expect(stdout).toContain("rules/invalid_level.yml:25:8: error: level 'hihg' is not valid")
    expect(stdout.trim().split('\n').every((l) => /^rules\/\S+:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/.test(l))).toBe(true)
    expect(stderr).toMatch(/^checked 8 files in \d+ ms: \d+ errors, \d+ warnings, \d+ info\n$/)
  })

  it('exits 0 and prints nothing for a clean rule', async () => {
    const { code, stdout } = await runCli(SEEDED, 'check', 'rules/good.yml', ...REPO_OPTIONS)
    expect([code, stdout]).toEqual([0, ''])
  })

  it('exits 0 on warnings, 1 with --strict', async () => {
    const dir = join(FIXTURES, 'cases', 'unknown-field')
    const options = REPO_OPTIONS.map((o) => o.replace('../repo', '../../repo'))
    expect((await runCli(dir, 'check', 'fail', ...options)).code).toBe(0)
    expect((await runCli(dir, 'check', 'fail', '--strict', ...options)).code).toBe(1)
  })

  it('--format json: a summary and every finding with its check id', async () => {
    const { code, stdout } = await runCli(SEEDED, 'check', 'rules', '--format', 'json', ...REPO_OPTIONS)
    const json = JSON.parse(stdout) as { summary: { files: number; errors: number }; findings: { path: string; line: number; col: number; check: string }[] }
    expect(code).toBe(1)
    expect(json.summary.files).toBe(8)
    expect(json.findings).toContainEqual(expect.objectContaining({ path: 'rules/missing_selection.yml', line: 22, col: 34, severity: 'error', check: 'condition-unknown-selection' }))
    expect(json.summary.errors).toBe(json.findings.filter((f) => (f as unknown as { severity: string }).severity === 'error').length)
  })

  it('--format github: workflow annotations, info as notice, properties escaped', async () => {
    const { stdout } = await runCli(SEEDED, 'check', 'rules', '--format', 'github', ...REPO_OPTIONS)
    expect(stdout).toContain("::error file=rules/missing_selection.yml,line=22,col=34,title=condition-unknown-selection::condition 'filter_legit' is not a selection of this detection; defined: selection\n")
    expect(stdout).toContain('::warning file=rules/revoked_technique.yml,line=15,col=7,title=attack-revoked::')
    expect(stdout.split('\n').filter(Boolean).every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::/.test(l))).toBe(true)
  })

  it('--list names every check with its severity', async () => {
    const { code, stdout } = await runCli(SEEDED, 'check', '--list')
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(CHECKS.length)
    expect(CHECKS.length).toBeGreaterThanOrEqual(30)
    expect(stdout).toMatch(/^id-duplicate +error +no two rules share an id/m)
  })

  it('--cache DIR keeps what the files beside the checked ones parse to; --no-cache keeps nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-check-cache-'))
    const first = await runCli(SEEDED, 'check', 'rules/good.yml', '--cache', dir, ...REPO_OPTIONS)
    expect(existsSync(join(dir, 'check-references'))).toBe(true)
    const second = await runCli(SEEDED, 'check', 'rules/good.yml', '--cache', dir, ...REPO_OPTIONS)
    expect([second.code, second.stdout]).toEqual([first.code, first.stdout])
    const none = mkdtempSync(join(tmpdir(), 'aw-check-cache-'))
    expect((await runCli(SEEDED, 'check', 'rules', '--no-cache', '--cache', none, ...REPO_OPTIONS)).code).toBe(1)
    expect(readdirSync(none)).toEqual([])
  })

  it('--ignore leaves a check out', async () => {
    const { stdout } = await runCli(SEEDED, 'check', 'rules', '--ignore', 'id-duplicate', ...REPO_OPTIONS)
    expect(stdout).not.toContain('[id-duplicate]')
    expect(stdout).toContain('[level-value]')
  })

  it.each([
    [['check', '--format', 'xml'], /unknown --format 'xml', expected one of text, json, github/],
    [['check', 'no-such-folder'], /no such file or folder: no-such-folder/],
    [['check', '--ignore', 'no-such-check', 'rules'], /unknown check id no-such-check for --ignore/],
    [['check', '--colour'], /Unknown option '--colour'/],
  ])('usage error %j: exit 2, message and usage, no stack trace', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(SEEDED, ...argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).toContain('usage: analytics-wiki check'.slice(7))
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('with nothing to check: exit 2 naming the folders looked at', async () => {
    const { code, stderr } = await runCli(FIXTURES, 'check')
    expect(code).toBe(2)
    expect(stderr).toMatch(/no YAML files to check in the configured folders \(rules, data_needed, triggers\)/)
  })

  it('--help prints the usage with exit codes', async () => {
    const { code, stdout } = await runCli(SEEDED, 'check', '--help')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^analytics-wiki check \[PATH\.\.\.\]/)
    expect(stdout).toContain('Exit codes: 0 no errors')
  })
})
