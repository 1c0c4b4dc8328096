import type { TacticDelta } from './coverage.js'
import type { CardChange, RuleSetDiff } from './diff-rule-sets.js'
import { cardName, escapeHtml, escapeMarkdown, fenceFor, plural } from './markdown-text.js'
import { unifiedDiff } from './unified-diff.js'

/** At most `cap` items, then a line saying how many more there are. */
function capped<T>(items: readonly T[], cap: number, show: (item: T) => string, more: (rest: number) => string): string[] {
  const shown = items.slice(0, cap).map(show)
  return items.length > cap ? [...shown, more(items.length - cap)] : shown
}

export function summarySection(diff: RuleSetDiff): string {
  const { changed, added, removed } = diff
  if (changed.length + added.length + removed.length === 0) return `No Detection Rule card changes (${plural(diff.cardsAfter, 'card')}).\n`
  return `**${plural(changed.length, 'card')} changed, ${added.length} added, ${removed.length} removed** (${plural(diff.cardsBefore, 'card')} before, ${diff.cardsAfter} after).\n`
}

export function coverageSection(rows: readonly TacticDelta[], cap: number): string {
  if (rows.length === 0) return '### ATT&CK coverage\n\nNo technique gained or lost.\n'
  const technique = (t: { id: string; name: string | null }) => `${t.id}${t.name ? ` ${escapeMarkdown(t.name)}` : ''}`
  const cell = (list: TacticDelta['gained']) => capped(list, cap, technique, (rest) => `… and ${rest} more`).join('<br>')
  const lines = rows.map((r) => `| ${r.id ? `${r.id} ${escapeMarkdown(r.name)}` : escapeMarkdown(r.name)} | ${r.before} → ${r.after} | ${cell(r.gained)} | ${cell(r.lost)} |`)
  return `### ATT&CK coverage\n\nTechniques by tactic, as ATT&CK files them.\n\n| Tactic | Techniques | Gained | Lost |\n|:--|:--|:--|:--|\n${lines.join('\n')}\n`
}

export function cardListSection(diff: RuleSetDiff, cap: number): string {
  const parts: string[] = []
  const list = (label: string, changes: readonly CardChange[]) => {
    if (changes.length === 0) return
    const items = capped(changes, cap, (c) => `- \`${cardName(c.path)}\` ${escapeMarkdown(c.title)}`, (rest) => `- … and ${rest} more`)
    parts.push(`**${label}** (${changes.length})\n\n${items.join('\n')}\n`)
  }
  list('Changed', diff.changed)
  list('Added', diff.added)
  list('Removed', diff.removed)
  return parts.length ? `### Cards\n\n${parts.join('\n')}` : ''
}

/** The diff of one card in a collapsed block; `maxLines` shortens it, saying so. */
export function cardDiffBlock(change: CardChange, maxLines = Infinity): { text: string; cut: boolean } {
  const diff = unifiedDiff(change.path, change.before, change.after)
  const lines = diff.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const cut = lines.length > maxLines
  const body = cut ? `${lines.slice(0, maxLines).join('\n')}\n` : diff
  const fence = fenceFor(body)
  const what = change.before === undefined ? 'added' : change.after === undefined ? 'removed' : 'changed'
  const note = cut ? `\n_${plural(lines.length - maxLines, 'more line')} of this diff cut to fit the comment._\n` : ''
  return { text: `<details><summary><code>${escapeHtml(cardName(change.path))}</code> (${what})</summary>\n\n${fence}diff\n${body}${fence}\n${note}\n</details>\n`, cut }
}

export function problemsSection(problems: readonly string[], cap: number): string {
  if (problems.length === 0) return ''
  const items = capped(problems, cap, (p) => `- ${escapeMarkdown(p)}`, (rest) => `- … and ${rest} more`)
  return `### Rule files left out\n\nThese files make no card (run \`analytics-wiki check\` for every finding):\n\n${items.join('\n')}\n`
}
