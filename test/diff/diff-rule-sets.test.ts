import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { diffRuleSets, loadCardSetting, renderDiffMarkdown, RULE_CARD_DIR, unifiedDiff } from '../../src/diff/index.js'
import { loadRules } from '../../src/load/index.js'
import { DIFF_FIXTURES, fixtureConfig } from './fixture.js'

const OLD = join(DIFF_FIXTURES, 'old', 'rules')
const NEW = join(DIFF_FIXTURES, 'new', 'rules')

describe('diffRuleSets on two fixture rule folders', () => {
  const { setting } = loadCardSetting(fixtureConfig(NEW))
  const diff = diffRuleSets(loadRules([OLD]).rules, loadRules([NEW]).rules, setting)
  const names = (list: { path: string }[]) => list.map((c) => c.path.slice(RULE_CARD_DIR.length))

  it('names exactly the cards that change: not the moved rule, not the untouched one', () => {
    expect(names(diff.changed)).toEqual(['proc_creation_win_cmd_curl_download_exec_combo.md', 'proc_creation_win_cmd_del_greedy_deletion.md'])
    expect(names(diff.added)).toEqual(['net_connection_win_adws_unusual_connection.md'])
    expect(names(diff.removed)).toEqual(['net_connection_win_certutil_initiated_connection.md'])
    expect([diff.cardsBefore, diff.cardsAfter]).toEqual([5, 5])
  })

  it('agrees with two full builds: the same cards differ, with the same contents', () => {
    const before = build(fixtureConfig(OLD)).files
    const after = build(fixtureConfig(NEW)).files
    const cards = (files: Map<string, unknown>) => [...files.keys()].filter((p) => p.startsWith(RULE_CARD_DIR))
    const differing = [...new Set([...cards(before), ...cards(after)])].filter((p) => before.get(p) !== after.get(p)).sort()
    expect([...diff.changed, ...diff.added, ...diff.removed].map((c) => c.path).sort()).toEqual(differing)
    for (const change of [...diff.changed, ...diff.added]) {
      expect(change.before).toBe(before.get(change.path))
      expect(change.after).toBe(after.get(change.path))
    }
    // A removed card is named, not rendered again.
    expect(diff.removed.map((c) => [c.before, c.after])).toEqual([[undefined, undefined]])
  })

  it('reports the ATT&CK coverage delta by tactic', () => {
    expect(diff.coverage.map((r) => ({ tactic: r.id, before: r.before, after: r.after, gained: r.gained.map((t) => t.id), lost: r.lost.map((t) => t.id) }))).toEqual([
      { tactic: 'TA0005', before: 2, after: 2, gained: ['T1027'], lost: ['T1218'] },
      { tactic: 'TA0007', before: 0, after: 1, gained: ['T1087'], lost: [] },
    ])
  })

  it('renders the review comment: summary, coverage and lists as in expected.md (UPDATE=1 rewrites it), a diff block per card', () => {
    const markdown = renderDiffMarkdown(diff, { before: 'old/rules', after: 'new/rules' })
    // Card diffs quote converter output, which is checked by the converter's own tests; the head is this module's.
    const head = markdown.slice(0, markdown.indexOf('### Card diffs'))
    const file = join(DIFF_FIXTURES, 'expected-head.md')
    if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, head)
    expect(head).toBe(readFileSync(file, 'utf8'))
    expect(markdown.startsWith('<!-- analytics-wiki-review -->\n')).toBe(true)
    for (const change of [...diff.changed, ...diff.added]) {
      const udiff = unifiedDiff(change.path, change.before, change.after)
      const fence = '`'.repeat(Math.max(3, ...[...udiff.matchAll(/`+/g)].map((m) => m[0].length + 1)))
      expect(markdown).toContain(`(${change.before === undefined ? 'added' : 'changed'})</summary>\n\n${fence}diff\n${udiff}${fence}\n`)
    }
    expect(markdown).not.toContain('(removed)</summary>')
  })

  it('cuts a long document to the limit and says what was cut', () => {
    const markdown = renderDiffMarkdown(diff, { before: 'old/rules', after: 'new/rules', maxChars: 6000 })
    expect(markdown.length).toBeLessThanOrEqual(6000)
    expect(markdown).toMatch(/\*\*Cut to fit GitHub's 6,000-character comment limit:\*\* the diffs? of .*(left out|shortened)/)
    // The lists still name every card; only diffs went.
    for (const c of [...diff.changed, ...diff.added, ...diff.removed]) expect(markdown).toContain(c.path.slice('wiki/'.length))
    const tight = renderDiffMarkdown(diff, { before: 'old/rules', after: 'new/rules', maxChars: 2000 })
    expect(tight.length).toBeLessThanOrEqual(2000)
  })

  it('says so when nothing changes', () => {
    const same = diffRuleSets(loadRules([NEW]).rules, loadRules([NEW]).rules, setting)
    const markdown = renderDiffMarkdown(same, { before: 'a', after: 'b' })
    expect(markdown).toContain('No Detection Rule card changes (5 cards).')
    expect(markdown).toContain('No technique gained or lost.')
    expect(markdown).not.toContain('```')
  })
})
