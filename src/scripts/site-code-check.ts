/**
 * Checks the site's shortcut over ../shared: every cross-link page is rendered from its syntax tree and by a
 * plain parse of its Markdown, and the two must give the same HTML and page state. Golden cards are parsed
 * too (for the timings). Prints how many pages took the shortcut and the time of each way.
 *
 *   node lib/scripts/site-code-check.js [--limit N] [--section Detection_Rules] [--only fast|full]  (--only: time one way, no comparison)
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { loadCatalogue } from '../attack/index.js'
import { crossLinkPages, type WikiModel } from '../crosslink/index.js'
import { linkRule } from '../link/index.js'
import { loadAtomics, loadDataSources, loadRules } from '../load/index.js'
import { BACKENDS, type BackendName, type Conversion, type LinkedRule } from '../model.js'
import { renderMarkdown, renderMarkdownTree } from '../site/markdown-processor.js'
import { siteIndexOf } from '../site/site-context.js'
import { sharedDir } from './shared-corpus.js'

const { values } = parseArgs({ options: { limit: { type: 'string' }, only: { type: 'string' }, section: { type: 'string' } } })
const shared = sharedDir()
const corpus = resolve(shared, 'corpus')
const model = loadModel(values.limit ? Number(values.limit) : Infinity)
const catalogue = loadCatalogue()
const pages = goldenPages(new Set(model.rules.map((r) => `${r.source.stem}.md`)))
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

function loadModel(limit: number): WikiModel {
  const rules = loadRules([resolve(corpus, 'sigma')]).rules.slice(0, limit)
  const dataNeeded = loadDataSources(resolve(corpus, 'atc-data/data_needed'), 'Data Needed').items
  const loggingPolicies = loadDataSources(resolve(corpus, 'atc-data/logging_policies'), 'Logging Policy').items
  const enrichments = loadDataSources(resolve(corpus, 'atc-data/enrichments'), 'Enrichment').items
  const { atomics, triggerFolders } = loadAtomics(resolve(corpus, 'atomics'))
  const queries = goldenQueries()
  const catalogue = loadCatalogue()
  const linked: LinkedRule[] = rules.map((source) => {
    const key = relative(resolve(corpus, 'sigma'), resolve(source.path))
    const conversions = BACKENDS.map((backend): Conversion => queries.get(`${key}\u0000${backend}`) ?? { backend, text: '', ok: false })
    return { source, links: linkRule(source, { dataNeeded, enrichments, triggerFolders }, catalogue), conversions }
  })
  return { rules: linked, dataNeeded, loggingPolicies, enrichments, atomics }
}

/** The golden queries as the cards show them (sigmac's stdout less one trailing newline). */
function goldenQueries(): Map<string, Conversion> {
  const map = new Map<string, Conversion>()
  for (const line of readFileSync(resolve(shared, 'golden/queries.jsonl'), 'utf8').split('\n')) {
    if (!line) continue
    const q = JSON.parse(line) as { rule: string; backend: BackendName; exit: number; stdout: string }
    map.set(`${q.rule}\u0000${q.backend}`, { backend: q.backend, text: q.stdout.replace(/\n$/, ''), ok: q.exit === 0 })
  }
  return map
}

function goldenPages(ruleCards: Set<string>): Map<string, string> {
  const root = resolve(shared, 'golden/wiki')
  const pages = new Map<string, string>()
  for (const section of readdirSync(root).sort()) {
    const names = readdirSync(join(root, section)).sort()
    for (const name of section === 'Detection_Rules' ? names.filter((n) => ruleCards.has(n)) : names) pages.set(`${section}/${name}`, readFileSync(join(root, section, name), 'utf8'))
  }
  return pages
}
