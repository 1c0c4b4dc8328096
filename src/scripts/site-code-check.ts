/**
 * Checks the site's shortcut over ../shared: every cross-link page is rendered from its syntax tree and by a
 * plain parse of its Markdown, and the two must give the same HTML and page state. Golden cards are parsed
 * too (for the timings). Prints how many pages took the shortcut and the time of each way.
 *
 *   node lib/scripts/site-code-check.js [--limit N] [--section Detection_Rules] [--only fast|full]  (--only: time one way, no comparison)
 */
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { loadCatalogue } from '../attack/index.js'
import { crossLinkPages } from '../crosslink/index.js'
import { renderMarkdown, renderMarkdownTree } from '../site/markdown-processor.js'
import { siteIndexOf } from '../site/site-context.js'
import { goldenModel, goldenPages } from './golden-model.js'
import { sharedDir } from './shared-corpus.js'

const { values } = parseArgs({ options: { limit: { type: 'string' }, only: { type: 'string' }, section: { type: 'string' } } })
const shared = sharedDir()
const model = goldenModel(shared, values.limit ? Number(values.limit) : Infinity)
const catalogue = loadCatalogue()
const pages = goldenPages(shared, new Set(model.rules.map((r) => `${r.source.stem}.md`)))
const downloads: string[] = []
const crossLinks = crossLinkPages(model, catalogue, {})
const trees = crossLinks.trees ?? new Map()
for (const [path, content] of crossLinks.files) {
  if (path.startsWith('wiki/')) pages.set(path.slice('wiki/'.length), content)
  else downloads.push(path)
}
const site = siteIndexOf(pages.keys(), downloads)
const sections = new Map<string, { pages: number; shortcut: number; fastMs: number; fullMs: number }>()
let differ = 0
for (const [page, markdown] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
  if (values.section && !page.startsWith(values.section)) continue
  const tree = trees.get(page)
  const section = page.includes('/') ? page.slice(0, page.indexOf('/')) : page
  const s = sections.get(section) ?? { pages: 0, shortcut: 0, fastMs: 0, fullMs: 0 }
  sections.set(section, s)
  s.pages++
  if (tree) s.shortcut++
  let start = performance.now()
  const fast = values.only === 'full' ? undefined : tree ? renderMarkdownTree(tree, page, site) : renderMarkdown(markdown, page, site)
  s.fastMs += performance.now() - start
  start = performance.now()
  const full = values.only === 'fast' ? undefined : renderMarkdown(markdown, page, site)
  s.fullMs += performance.now() - start
  if (!fast || !full) continue
  // A page rendered from its tree has no Markdown positions (markdownLinks stays empty).
  const positions = tree ? { markdownLinks: [] } : {}
  if (fast.html !== full.html || !isDeepStrictEqual({ ...fast.state, site: undefined }, { ...full.state, site: undefined, ...positions })) {
    differ++
    if (differ <= 5) console.log(`DIFFERENT: ${page}`)
  }
}
const total = { pages: 0, shortcut: 0, fastMs: 0, fullMs: 0 }
for (const [section, s] of [...sections, ['all', total] as const]) {
  console.log(`${section.padEnd(22)} ${String(s.pages).padStart(5)} pages, ${String(s.shortcut).padStart(5)} from their trees; markdown → HTML: ${Math.round(s.fastMs)} ms the fast way, ${Math.round(s.fullMs)} ms parsed as written`)
  for (const key of ['pages', 'shortcut', 'fastMs', 'fullMs'] as const) total[key] += s[key]
}
console.log(`${differ} pages differ`)
process.exitCode = differ === 0 ? 0 : 1
