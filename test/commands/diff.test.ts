import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DIFF_FIXTURES, REFERENCE_OPTIONS } from '../diff/fixture.js'
import { runCli } from './run-cli.js'

const ABSOLUTE_REFERENCE = REFERENCE_OPTIONS.map((o) => (o.startsWith('reference/') ? join(DIFF_FIXTURES, o) : o))
const cardNames = (markdown: string, section: string) => {
  const block = new RegExp(`\\*\\*${section}\\*\\* \\(\\d+\\)\\n\\n((?:- .*\\n)+)`).exec(markdown)
  return block ? [...block[1]!.matchAll(/^- `Detection_Rules\/([^`]+)`/gm)].map((m) => m[1]) : []
}

describe('analytics-wiki diff OLD_RULES NEW_RULES', () => {
  it('prints the review comment for the two folders', async () => {
    const { code, stdout, stderr } = await runCli(DIFF_FIXTURES, 'diff', 'old/rules', 'new/rules', ...REFERENCE_OPTIONS)
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout.startsWith(readFileSync(join(DIFF_FIXTURES, 'expected-head.md'), 'utf8'))).toBe(true)
    expect(stdout).toContain('### Card diffs')
  })

  it('--max-chars cuts the document', async () => {
    const { stdout } = await runCli(DIFF_FIXTURES, 'diff', 'old/rules', 'new/rules', '--max-chars', '4000', ...REFERENCE_OPTIONS)
    expect(stdout.length).toBeLessThanOrEqual(4000)
    expect(stdout).toContain("Cut to fit GitHub's 4,000-character comment limit")
  })
})

describe('analytics-wiki diff --base REF [--head REF]', () => {
  const repo = mkdtempSync(join(tmpdir(), 'aw-diff-repo-'))
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
    return r.stdout.trim()
  }
  git('init', '-q', '-b', 'main')
  cpSync(join(DIFF_FIXTURES, 'old', 'rules'), join(repo, 'rules'), { recursive: true })
  writeFileSync(join(repo, 'README.md'), 'test repository\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'old rules')
  rmSync(join(repo, 'rules'), { recursive: true })
  cpSync(join(DIFF_FIXTURES, 'new', 'rules'), join(repo, 'rules'), { recursive: true })
  git('add', '-A')
  git('commit', '-q', '-m', 'new rules')
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('compares the rules folder of two refs, naming exactly the changed cards, without touching the working tree', async () => {
    const headBefore = git('rev-parse', 'HEAD')
    const { code, stdout, stderr } = await runCli(repo, 'diff', '--base', 'HEAD~1', '--head', 'HEAD', ...ABSOLUTE_REFERENCE)
    expect([code, stderr]).toEqual([0, ''])
    expect(cardNames(stdout, 'Changed')).toEqual(['proc_creation_win_cmd_curl_download_exec_combo.md', 'proc_creation_win_cmd_del_greedy_deletion.md'])
    expect(cardNames(stdout, 'Added')).toEqual(['net_connection_win_adws_unusual_connection.md'])
    expect(cardNames(stdout, 'Removed')).toEqual(['net_connection_win_certutil_initiated_connection.md'])
    expect(stdout).toMatch(/Compared `HEAD~1 \([0-9a-f]{12}\)` with `HEAD \([0-9a-f]{12}\)`/)
    expect(git('status', '--porcelain')).toBe('')
    expect(git('rev-parse', 'HEAD')).toBe(headBefore)
    // The comment body is the same as for the two folders, apart from the labels.
    const folders = (await runCli(DIFF_FIXTURES, 'diff', 'old/rules', 'new/rules', ...REFERENCE_OPTIONS)).stdout
    const body = (s: string) => s.split('\n').slice(4).join('\n')
    expect(body(stdout)).toBe(body(folders))
  })

  it('without --head compares with the working tree', async () => {
    const file = join(repo, 'rules', 'windows', 'process_creation', 'proc_creation_win_cmd_mklink_shadow_copies_access_symlink.yml')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, original.replace('level: high', 'level: critical'))
    try {
      const { code, stdout } = await runCli(repo, 'diff', '--base', 'HEAD', ...ABSOLUTE_REFERENCE)
      expect(code).toBe(0)
      expect(cardNames(stdout, 'Changed')).toEqual(['proc_creation_win_cmd_mklink_shadow_copies_access_symlink.md'])
      expect(stdout).toContain('with `the working tree`')
      expect(stdout).toContain('-| **Severity Level**       | high |\n+| **Severity Level**       | critical |')
    } finally {
      writeFileSync(file, original)
    }
  })

  it('a rules folder missing at the base ref: its cards are added', async () => {
    cpSync(join(DIFF_FIXTURES, 'new', 'rules', 'windows', 'network_connection'), join(repo, 'extra'), { recursive: true })
    try {
      const { code, stdout } = await runCli(repo, 'diff', '--base', 'HEAD', '--rules', 'extra', ...ABSOLUTE_REFERENCE)
      expect(code).toBe(0)
      expect(cardNames(stdout, 'Added')).toEqual(['net_connection_win_adws_unusual_connection.md'])
      expect(stdout).toContain('(0 cards before, 1 after)')
    } finally {
      rmSync(join(repo, 'extra'), { recursive: true, force: true })
    }
  })

  it.each([
    [['--base', 'no-such-ref'], /unknown git ref 'no-such-ref'/],
    [['--head', 'HEAD'], /--head needs --base REF/],
    [['--base', 'HEAD', 'a', 'b'], /give either two rules folders or --base REF, not both/],
    [['only-one'], /expected OLD_RULES and NEW_RULES folders \(or --base REF\), got 1 argument/],
    [['rules', 'nowhere'], /no such rules folder: nowhere/],
    [['--base', 'HEAD', '--max-chars', '10'], /--max-chars expects a whole number of at least 2000, got '10'/],
    [['--base', 'HEAD', '--rules', '/'], /rules folder \/ is outside the repository/],
  ])('usage error %j: exit 2, no stack trace', async (args, message) => {
    const { code, stdout, stderr } = await runCli(repo, 'diff', ...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('outside a git repository: exit 2', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'aw-no-git-'))
    try {
      const { code, stderr } = await runCli(outside, 'diff', '--base', 'HEAD')
      expect(code).toBe(2)
      expect(stderr).toMatch(/is not inside a git repository/)
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})
