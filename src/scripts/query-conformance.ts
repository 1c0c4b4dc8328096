/**
 * Measures the converter against the legacy converter's recorded output (golden/queries.jsonl):
 * per backend, how many blocks with non-empty expected output are byte-identical.
 *
 *   npx tsc -p tsconfig.json && node lib/src/scripts/query-conformance.js [--shared DIR] [--golden FILE] [--corpus DIR] [--backend B] [--show N]
 * (compile into the repository so that `yaml` resolves from node_modules).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { createConverter, type Converter } from '../convert/index.js'
import { BACKENDS, type BackendName, type RuleSource, type YamlMap } from '../model.js'
import { pyyamlCustomTags } from '../load/pyyaml-tags.js'

interface GoldenLine { rule: string; backend: BackendName; exit: number; stdout: string; stderr: string }

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}

const shared = arg('--shared', '/work/shared')
const goldenPath = arg('--golden', join(shared, 'golden/queries.jsonl'))
const corpus = arg('--corpus', join(shared, 'corpus/sigma'))
const only = arg('--backend', '')
const show = Number(arg('--show', '0'))

const lines = readFileSync(goldenPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldenLine)
const sources = new Map<string, RuleSource>()
function source(rule: string): RuleSource {
  let s = sources.get(rule)
  if (!s) {
    const text = readFileSync(join(corpus, rule), 'utf8')
    const documents = parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })
    const docs = (Array.isArray(documents) ? documents : []).map((d) => d.toJS() as YamlMap)
    s = { path: rule, stem: rule.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), text, documents: docs }
    sources.set(rule, s)
  }
  return s
}

const converters = new Map<BackendName, Converter>()
const stats = new Map<BackendName, { total: number; golden: number; same: number; ms: number; diffs: string[] }>()
for (const line of lines) {
  if (only && line.backend !== only) continue
  let conv = converters.get(line.backend)
  if (!conv) {
    conv = createConverter(line.backend)
    converters.set(line.backend, conv)
  }
  const st = stats.get(line.backend) ?? { total: 0, golden: 0, same: 0, ms: 0, diffs: [] }
  stats.set(line.backend, st)
  const src = source(line.rule)
  const t0 = performance.now()
  const got = conv.convertFile(src).stdout
  st.ms += performance.now() - t0
  st.total++
  if (!line.stdout) continue
  st.golden++
  if (got === line.stdout) st.same++
  else if (st.diffs.length < show) st.diffs.push(`--- ${line.rule}\nexpected: ${line.stdout}got:      ${got}`)
}

for (const b of BACKENDS) {
  const st = stats.get(b)
  if (!st) continue
  const pct = st.golden ? ((100 * st.same) / st.golden).toFixed(2) : '-'
  const rate = st.ms > 0 ? Math.round((st.total * 1000) / st.ms) : 0
  console.log(`${b.padEnd(14)} total ${st.total}  golden non-empty ${st.golden}  identical ${st.same}  ${pct} %  (${rate} conversions/s)`)
  for (const d of st.diffs) console.log(d)
}
