/**
 * Renders every trigger card of the shared corpus and compares it byte for byte with the golden pages.
 *
 *   npx tsc -p tsconfig.build.json && node lib/scripts/trigger-conformance.js [--show N] [--keep]
 *
 * Options: --atomics DIR, --catalogue FILE (ATT&CK catalogue with techniques[].description),
 * --golden DIR (golden Triggers/), --show N (print the first diff of N failing cards), --keep (keep the output dir).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { AtomicsSource, YamlMap } from '../model.js'
import { renderTriggerCard } from '../render/trigger-card.js'

interface Options { atomics: string; catalogue: string; golden: string; show: number; keep: boolean }

function parseArgs(argv: string[]): Options {
  const shared = process.env.SHARED_DIR ?? '/work/shared'
  const options: Options = {
    atomics: join(shared, 'corpus/atomics'),
    catalogue: join(shared, 'corpus/attack/attack_catalog.json'),
    golden: join(shared, 'golden/wiki/Triggers'),
    show: 1,
    keep: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = (): string => argv[++i] ?? ''
    if (arg === '--atomics') options.atomics = next()
    else if (arg === '--catalogue') options.catalogue = next()
    else if (arg === '--golden') options.golden = next()
    else if (arg === '--show') options.show = Number(next())
    else if (arg === '--keep') options.keep = true
    else throw new Error(`unknown option '${arg}' (expected --atomics, --catalogue, --golden, --show, --keep)`)
  }
  return options
}

function loadDescriptions(file: string): Map<string, { name: string; description: string }> {
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { techniques: { id: string; name: string; description: string }[] }
  return new Map(catalogue.techniques.map((t) => [t.id.toUpperCase(), { name: t.name, description: t.description }]))
}

function loadAtomics(dir: string, id: string): AtomicsSource | null {
  const path = join(dir, id, `${id}.yaml`)
  if (!existsSync(path)) return null
  const text = readFileSync(path, 'utf8')
  return { path, techniqueId: id, text, doc: (parse(text, { version: '1.1' }) ?? {}) as YamlMap }
}

/** The first differing line, with a little context. */
function firstDiff(expected: string, actual: string): string {
  const e = expected.split('\n')
  const a = actual.split('\n')
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      return [`  line ${i + 1}:`, `  - golden: ${JSON.stringify(e[i])}`, `  + ours:   ${JSON.stringify(a[i])}`].join('\n')
    }
  }
  return '  (same lines, different bytes)'
}

function main(): number {
  const options = parseArgs(process.argv.slice(2))
  const catalogue = loadDescriptions(options.catalogue)
  const out = mkdtempSync(join(tmpdir(), 'trigger-cards-'))
  const goldenFiles = readdirSync(options.golden).filter((f) => f.endsWith('.md')).sort()
  let matched = 0
  let shown = 0
  const failed: string[] = []
  for (const file of goldenFiles) {
    const id = file.slice(0, -3)
    const atomics = loadAtomics(options.atomics, id)
    const expected = readFileSync(join(options.golden, file), 'utf8')
    if (!atomics) {
      failed.push(`${id} (no atomics file)`)
      continue
    }
    const technique = catalogue.get(id.toUpperCase())
    const actual = renderTriggerCard({ atomics, description: technique?.description, techniqueName: technique?.name })
    writeFileSync(join(out, file), actual)
    if (actual === expected) {
      matched++
      continue
    }
    failed.push(id)
    if (shown < options.show) {
      shown++
      console.log(`${id}:\n${firstDiff(expected, actual)}`)
    }
  }
  console.log(`matched ${matched}/${goldenFiles.length}`)
  if (failed.length) console.log(`different: ${failed.join(', ')}`)
  if (options.keep) console.log(`cards written to ${out}`)
  else rmSync(out, { recursive: true, force: true })
  return matched === goldenFiles.length ? 0 : 1
}

process.exitCode = main()
