import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

describe('--help of the review commands', () => {
  it.each([
    ['check', /^analytics-wiki check \[PATH\.\.\.\] \[options\]/, /Exit codes: 0 no errors .*\n.*2 usage error/],
    ['card', /^analytics-wiki card RULE\.yml \[options\]/, /Exit codes: 0 card printed, 1 the rule cannot be read .*\n2 usage error/],
    ['diff', /^analytics-wiki diff OLD_RULES NEW_RULES \[options\]\nanalytics-wiki diff --base REF \[--head REF\]/, /Exit codes: 0 document printed .*\n2 usage error/],
  ])('%s --help: usage and exit codes on stdout, exit 0', async (name, usage, exits) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await runCli(process.cwd(), name, flag)
      expect([code, stderr]).toEqual([0, ''])
      expect(stdout).toMatch(usage)
      expect(stdout).toMatch(exits)
    }
  })

  it('the command list names them', async () => {
    const { stdout } = await runCli(process.cwd(), '--help')
    for (const name of ['check', 'card', 'diff']) expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
  })

  it('diff --help does not offer the site base path as --base', async () => {
    const { stdout } = await runCli(process.cwd(), 'diff', '--help')
    expect(stdout).toContain('--base REF')
    expect(stdout).not.toContain('--base PATH')
  })
})
