/**
 * Renders every Data Needed, Logging Policy and Enrichment card of an atc-data checkout and compares
 * them byte for byte with reference pages (atc-data's own generator output).
 *
 *   node lib/scripts/atc-data-conformance.js [--corpus DIR] [--golden DIR] [--keep]
 *
 * DIR defaults: ../shared/corpus/atc-data and ../shared/golden/wiki (relative to the working directory).
 * Exit code 0 when every card matches.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import type { DataSource, YamlMap } from '../model.js'
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js'
import { readDataNeeded, readEnrichment, readLoggingPolicy } from '../load/atc-data-model.js'
import { renderDataNeededCard } from '../render/data-needed-card.js'
import { renderLoggingPolicyCard } from '../render/logging-policy-card.js'
import { renderEnrichmentCard } from '../render/enrichment-card.js'

interface Section {
  input: string
  output: string
  render: (source: DataSource) => string
  check: (source: DataSource) => Diagnostic[]
}

const SECTIONS: Section[] = [
  { input: 'data_needed', output: 'Data_Needed', render: (source) => renderDataNeededCard({ source }), check: (s) => readDataNeeded(s).diagnostics },
  { input: 'logging_policies', output: 'Logging_Policies', render: (source) => renderLoggingPolicyCard({ source }), check: (s) => readLoggingPolicy(s).diagnostics },
  { input: 'enrichments', output: 'Enrichments', render: (source) => renderEnrichmentCard({ source }), check: (s) => readEnrichment(s).diagnostics },
]

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback
}

function loadSource(path: string): DataSource {
  const text = readFileSync(path, 'utf8')
  const docs = parseAllDocuments(text, { version: '1.1' })
  const first = Array.isArray(docs) ? docs[0] : undefined
  const value = first?.toJS() as unknown
  const doc = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as YamlMap
  const stem = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '')
  return { path, stem, text, doc, title: typeof doc.title === 'string' ? doc.title : stem }
}

/** Where two texts first differ, as a short readable report. */
function firstDiff(expected: string, actual: string): string {
  const e = expected.split('\n')
  const a = actual.split('\n')
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `  line ${i + 1}:\n    expected ${JSON.stringify(e[i] ?? '<end of file>')}\n    actual   ${JSON.stringify(a[i] ?? '<end of file>')}`
  }
  return '  (identical)'
}

function main(): number {
  const corpus = option('--corpus', '../shared/corpus/atc-data')
  const golden = option('--golden', '../shared/golden/wiki')
  const out = mkdtempSync(join(tmpdir(), 'atc-data-cards-'))
  let matched = 0
  let total = 0
  let firstFailure: string | undefined
  const diagnostics: Diagnostic[] = []
  for (const section of SECTIONS) {
    const dir = join(corpus, section.input)
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : []
    mkdirSync(join(out, section.output), { recursive: true })
    let ok = 0
    for (const file of files) {
      const source = loadSource(join(dir, file))
      diagnostics.push(...section.check(source))
      const card = section.render(source)
      // atc-data names a page after its YAML file, not its title (several titles are copy-paste slips)
      const name = `${source.stem}.md`
      writeFileSync(join(out, section.output, name), card)
      const goldenPath = join(golden, section.output, name)
      const expected = existsSync(goldenPath) ? readFileSync(goldenPath, 'utf8') : undefined
      if (expected === card) ok++
      else firstFailure ??= `${section.output}/${name}\n${expected === undefined ? '  no golden page' : firstDiff(expected, card)}`
    }
    console.log(`${section.output}: ${ok}/${files.length}`)
    matched += ok
    total += files.length
  }
  console.log(`total: ${matched}/${total}`)
  if (firstFailure) console.log(`first difference: ${firstFailure}`)
  if (diagnostics.length > 0) console.log(`diagnostics (${diagnostics.length}):\n${diagnostics.map(formatDiagnostic).join('\n')}`)
  if (process.argv.includes('--keep')) console.log(`cards kept in ${out}`)
  else rmSync(out, { recursive: true, force: true })
  return matched === total && total > 0 ? 0 : 1
}

process.exitCode = main()
