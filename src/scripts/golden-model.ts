import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { loadCatalogue } from '../attack/index.js'
import type { WikiModel } from '../crosslink/index.js'
import { linkRule } from '../link/index.js'
import { loadAtomics, loadDataSources, loadRules } from '../load/index.js'
import { BACKENDS, type BackendName, type Conversion, type LinkedRule } from '../model.js'

/**
 * The ../shared corpus as a wiki model, loaded and linked by the product's own code, with the conversions
 * taken from golden/queries.jsonl (so the site can be judged without running the converter). `limit`: the
 * first so many rules.
 */
export function goldenModel(shared: string, limit = Infinity): WikiModel {
  const corpus = resolve(shared, 'corpus')
  const rules = loadRules([resolve(corpus, 'sigma')]).rules.slice(0, limit)
  const dataNeeded = loadDataSources(resolve(corpus, 'atc-data/data_needed'), 'Data Needed').items
  const loggingPolicies = loadDataSources(resolve(corpus, 'atc-data/logging_policies'), 'Logging Policy').items
  const enrichments = loadDataSources(resolve(corpus, 'atc-data/enrichments'), 'Enrichment').items
  const { atomics, triggerFolders } = loadAtomics(resolve(corpus, 'atomics'))
  const queries = goldenQueries(shared)
  const catalogue = loadCatalogue()
  const linked: LinkedRule[] = rules.map((source) => {
    const key = relative(resolve(corpus, 'sigma'), resolve(source.path))
    const conversions = BACKENDS.map((backend): Conversion => queries.get(`${key}\u0000${backend}`) ?? { backend, text: '', ok: false, reason: 'no golden query' })
    return { source, links: linkRule(source, { dataNeeded, enrichments, triggerFolders }, catalogue), conversions }
  })
  return { rules: linked, dataNeeded, loggingPolicies, enrichments, atomics }
}

/** The golden queries as the cards show them (sigmac's stdout less one trailing newline), with why sigmac failed. */
function goldenQueries(shared: string): Map<string, Conversion> {
  const map = new Map<string, Conversion>()
  for (const line of readFileSync(resolve(shared, 'golden/queries.jsonl'), 'utf8').split('\n')) {
    if (!line) continue
    const q = JSON.parse(line) as { rule: string; backend: BackendName; exit: number; stdout: string; stderr: string }
    const ok = q.exit === 0 && q.stdout.trim() !== ''
    const reason = ok ? undefined : q.stderr.trim().split('\n').pop()?.replace(/^.*?\(.*?\.yml\):\s*/, '') || `exit ${q.exit}, no output`
    map.set(`${q.rule}\u0000${q.backend}`, { backend: q.backend, text: q.stdout.replace(/\n$/, ''), ok, reason })
  }
  return map
}

/** The golden wiki pages (wiki-relative path → Markdown); of the rule cards, only those named in `ruleCards`. */
export function goldenPages(shared: string, ruleCards: ReadonlySet<string>): Map<string, string> {
  const root = resolve(shared, 'golden/wiki')
  const pages = new Map<string, string>()
  for (const section of readdirSync(root).sort()) {
    const names = readdirSync(join(root, section)).sort()
    for (const name of section === 'Detection_Rules' ? names.filter((n) => ruleCards.has(n)) : names) pages.set(`${section}/${name}`, readFileSync(join(root, section, name), 'utf8'))
  }
  return pages
}
