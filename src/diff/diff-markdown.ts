import type { CardChange, RuleSetDiff } from './diff-rule-sets.js'
import { cardDiffBlock, cardListSection, coverageSection, problemsSection, summarySection } from './diff-sections.js'
import { cardName, plural } from './markdown-text.js'

/** The hidden line the review workflow finds its own comment by. */
export const REVIEW_MARKER = '<!-- analytics-wiki-review -->'
/** GitHub refuses issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65536

export interface DiffDocumentOptions {
  /** What was compared, e.g. `origin/main` and `HEAD`. */
  before: string
  after: string
  /** Rule files of the newer side that make no card, one line each. */
  problems?: readonly string[]
  maxChars?: number
}

// Below this, shortening a card's diff is not worth it: it is left out whole.
const MIN_SHORTENED = 1500

/**
 * One Markdown document for a pull-request comment: summary, ATT&CK coverage delta, the cards added,
 * changed and removed, and a unified diff per changed (and added) card. When it would exceed
 * `maxChars`, card diffs are left out or shortened, then lists capped, and a note says what was cut.
 */
export function renderDiffMarkdown(diff: RuleSetDiff, options: DiffDocumentOptions): string {
  const budget = options.maxChars ?? GITHUB_COMMENT_LIMIT
  const header = `${REVIEW_MARKER}\n## analytics-wiki: what this change does to the wiki\n\nCompared \`${options.before}\` with \`${options.after}\`.\n\n`
  const core = (cap: number) =>
    [header, summarySection(diff), '\n', coverageSection(diff.coverage, cap), '\n', cardListSection(diff, cap), problemsSection(options.problems ?? [], cap)].join('')
  let cap = Number.POSITIVE_INFINITY
  // Leave room for a few diffs and the note before capping lists.
  while (core(cap).length > budget * 0.6 && cap > 1) cap = cap === Number.POSITIVE_INFINITY ? 200 : Math.floor(cap / 2)
  const base = core(cap)
  const shown: string[] = []
  const omitted: CardChange[] = []
  const shortened: CardChange[] = []
  const candidates = [...diff.changed, ...diff.added]
  const note = () => cutNote(omitted, shortened, cap < Number.POSITIVE_INFINITY, budget)
  const size = () => base.length + (candidates.length ? '\n### Card diffs\n\n'.length : 0) + shown.join('\n').length + shown.length + note().length + 200
  for (const change of candidates) {
    const whole = cardDiffBlock(change).text
    if (size() + whole.length <= budget) {
      shown.push(whole)
      continue
    }
    const room = budget - size()
    if (room > MIN_SHORTENED) {
      const lines = whole.split('\n').length
      let maxLines = Math.floor((lines * (room - 300)) / whole.length)
      let block = cardDiffBlock(change, maxLines)
      while (maxLines > 10 && size() + block.text.length > budget) block = cardDiffBlock(change, (maxLines = Math.floor(maxLines * 0.9)))
      if (size() + block.text.length <= budget) {
        shown.push(block.text)
        shortened.push(change)
        continue
      }
    }
    omitted.push(change)
  }
  const diffs = shown.length ? `\n### Card diffs\n\n${shown.join('\n')}` : ''
  const document = `${base}${diffs}${note()}`
  return document.length <= budget ? document : `${document.slice(0, budget - 120)}\n\n_… the rest of this comment was cut to fit GitHub's comment size limit._\n`
}

function cutNote(omitted: readonly CardChange[], shortened: readonly CardChange[], listsCapped: boolean, budget: number): string {
  if (omitted.length + shortened.length === 0 && !listsCapped) return ''
  const parts: string[] = []
  const names = (list: readonly CardChange[]) => {
    const first = list.slice(0, 10).map((c) => `\`${cardName(c.path)}\``).join(', ')
    return list.length > 10 ? `${first} and ${list.length - 10} more` : first
  }
  if (omitted.length) parts.push(`the diffs of ${plural(omitted.length, 'card')} are left out (${names(omitted)})`)
  if (shortened.length) parts.push(`the diff of ${names(shortened)} is shortened`)
  if (listsCapped) parts.push('long lists show their first entries only')
  return `\n> **Cut to fit GitHub's ${budget.toLocaleString('en-US')}-character comment limit:** ${parts.join('; ')}. Run \`analytics-wiki diff\` locally for the whole result.\n`
}
