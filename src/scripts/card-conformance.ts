/**
 * Measures the Detection Rule cards against the golden ATC wiki.
 *
 *   node lib/scripts/card-conformance.js [--shared DIR] [--out DIR] [--show N]
 *
 * Renders every corpus rule's card into a temporary wiki and runs wikidiff.py on it. The query
 * blocks are filled from golden/queries.jsonl (sigmac's stdout minus one trailing newline) so the
 * whole card can be compared; that shortcut lives here only, never in the product.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { loadCatalogue } from '../attack/load-catalogue.js'
import { linkRule } from '../link/link-rule.js'
import { loadDataSources } from '../load/load-data-sources.js'
import { loadRules } from '../load/load-rules.js'
import { BACKENDS, type Conversion } from '../model.js'
import { renderRuleCard } from '../render/rule-card.js'

interface Options {
  shared: string
  out?: string
  show: number
}

function parseArgs(argv: string[]): Options {
  const o: Options = { shared: '/work/shared', show: 3 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--shared') o.shared = argv[++i] ?? o.shared
    else if (a === '--out') o.out = argv[++i]
    else if (a === '--show') o.show = Number(argv[++i] ?? 3)
  }
  return o
}

/** queries.jsonl → rule path (relative to corpus/sigma) → backend → block text. */
function readQueries(path: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const q = JSON.parse(line) as { rule: string; backend: string; stdout: string }
    const text = q.stdout.endsWith('\n') ? q.stdout.slice(0, -1) : q.stdout
    if (!out.has(q.rule)) out.set(q.rule, new Map())
    out.get(q.rule)!.set(q.backend, text)
  }
  return out
}

function main(): number {
  const o = parseArgs(process.argv.slice(2))
  const corpus = join(o.shared, 'corpus')
  const sigmaRoot = join(corpus, 'sigma')
  const started = Date.now()
  const dirs = readdirSync(sigmaRoot).map((d) => join(sigmaRoot, d)).filter((d) => statSync(d).isDirectory()).sort()
  const { rules, diagnostics } = loadRules(dirs)
  const dataNeeded = loadDataSources(join(corpus, 'atc-data', 'data_needed'), 'Data Needed').items
  const enrichments = loadDataSources(join(corpus, 'atc-data', 'enrichments'), 'Enrichment').items
  const atomics = join(corpus, 'atomics')
  const triggerFolders = new Set(readdirSync(atomics).filter((d) => statSync(join(atomics, d)).isDirectory()))
  const catalogue = loadCatalogue()
  const queries = readQueries(join(o.shared, 'golden', 'queries.jsonl'))
  const loaded = Date.now()

  const wiki = o.out ?? mkdtempSync(join(tmpdir(), 'card-conformance-'))
  const cards = join(wiki, 'Detection_Rules')
  mkdirSync(cards, { recursive: true })
  for (const rule of rules) {
    const byBackend = queries.get(relative(sigmaRoot, rule.path)) ?? new Map<string, string>()
    const conversions: Conversion[] = BACKENDS.map((backend) => ({ backend, text: byBackend.get(backend) ?? '', ok: byBackend.has(backend) }))
    const links = linkRule(rule, { dataNeeded, enrichments, triggerFolders }, catalogue)
    writeFileSync(join(cards, `${rule.stem}.md`), renderRuleCard({ rule, links, conversions }))
  }
  const rendered = Date.now()
  process.stdout.write(
    `${rules.length} rules (${diagnostics.filter((d) => d.severity === 'error').length} load errors), load ${loaded - started} ms, link+render ${rendered - loaded} ms\n`,
  )
  const diff = spawnSync('python3', [join(o.shared, 'tools', 'wikidiff.py'), join(o.shared, 'golden', 'wiki'), wiki, '--section', 'Detection_Rules', '--show', String(o.show)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  process.stdout.write(diff.stdout)
  process.stderr.write(diff.stderr)
  if (!o.out) rmSync(wiki, { recursive: true, force: true })
  return diff.status ?? 1
}

process.exitCode = main()
