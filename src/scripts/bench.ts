/**
 * `npm run bench`: how fast the full ../shared corpus builds (wiki + site), as ratios of the YAML floor.
 *
 *   node lib/scripts/bench.js [--runs N] [--json] [--keep] [--profile]
 *
 * Every build runs in its own process (`analytics-wiki build`, process start included) on a copy of the
 * corpus: cold (no cache), a first build that fills the cache, rebuild after one edited rule (its title,
 * then only a comment), rebuild with nothing changed, a build from a restored cache into an empty output
 * folder (a CI run). Peak memory is the child's maximum RSS; cold builds with one worker thread and with
 * none say whether threads pay. In this process: the converter's throughput on one core and the floor
 * (reading and parsing every input file with js-yaml, the fastest JS YAML parser). The floor of the rows
 * measured in a new process: Node starting on an empty module (and without NODE_EXTRA_CA_CERTS when it is set).
 *
 * `--profile`: then one cold build and one title edit again under V8's CPU profiler, and where their time
 * goes by module of this package (see summarizeProfile). Profiling slows a build: those runs are not timed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { listYamlFiles } from '../load/list-files.js'
import { sharedDir } from './shared-corpus.js'
import { runChild, type ChildUsage } from './bench-child.js'
import { bundleModules, summarizeProfile, type CpuProfile, type ProfileSummary } from './profile-summary.js'
import { converterThroughput, watchRebuilds, yamlFloor } from './bench-in-process.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean' }, keep: { type: 'boolean' }, profile: { type: 'boolean' } } })
const runs = Math.max(1, Number(values.runs))
const log = (line: string) => {
  if (!values.json) process.stderr.write(`${line}\n`)
}

const root = mkdtempSync(join(tmpdir(), 'aw-bench-'))
const corpus = join(root, 'corpus')
cpSync(resolve(sharedDir(), 'corpus'), corpus, { recursive: true })
const configFile = join(root, 'analytics-wiki.config.yml')
writeFileSync(
  configFile,
  ['rules: corpus/sigma', 'data_needed: corpus/atc-data/data_needed', 'logging_policies: corpus/atc-data/logging_policies', 'enrichments: corpus/atc-data/enrichments', 'triggers: corpus/atomics', ''].join('\n'),
)
const cli = fileURLToPath(new URL('../../bin/analytics-wiki.js', import.meta.url))
const buildWith = (nodeFlags: string[], out: string, ...extra: string[]) => runChild(cli, ['build', '--config', configFile, '--out', join(root, out), '--quiet', ...extra], root, nodeFlags)
const build = (out: string, ...extra: string[]) => buildWith([], out, ...extra)

log(`corpus copied to ${root}; ${runs} runs per measurement`)
const cold: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  rmSync(join(root, 'cold'), { recursive: true, force: true })
  cold.push(build('cold', '--no-cache'))
  log(`  cold build ${i + 1}: ${cold[i]!.wallMs} ms`)
}

// The same cold build with the per-file work shared with one worker thread, and with none: says whether
// threads pay on this machine now (the default has none below 4 cores, see defaultWorkers).
const coldWorker: ChildUsage[] = []
const coldSingle: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  for (const [list, workers] of [[coldWorker, '1'], [coldSingle, '0']] as const) {
    rmSync(join(root, 'cold'), { recursive: true, force: true })
    list.push(build('cold', '--no-cache', '--workers', workers))
  }
  log(`  cold build, 1 worker / none ${i + 1}: ${coldWorker[i]!.wallMs} / ${coldSingle[i]!.wallMs} ms`)
}

// What `npm run build` does on a fresh checkout: a first build that also fills the cache.
const cache = join(root, 'cache')
const firstCached: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  rmSync(join(root, 'warm'), { recursive: true, force: true })
  rmSync(cache, { recursive: true, force: true })
  firstCached.push(build('warm', '--cache', cache))
  log(`  first build with a cache ${i + 1}: ${firstCached[i]!.wallMs} ms, ${Math.round(firstCached[i]!.maxRssKb / 1024)} MB`)
}
// Input times within two seconds of a build are not trusted by the up-to-date check (see build-state.ts).
await new Promise((done) => setTimeout(done, 2100))
build('warm', '--cache', cache)
const nothing: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  nothing.push(build('warm', '--cache', cache))
  log(`  nothing changed ${i + 1}: ${nothing[i]!.wallMs} ms`)
}

const rule = listYamlFiles(join(corpus, 'sigma'))[0]!
const original = readFileSync(rule, 'utf8')
const oneRule: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  writeFileSync(rule, original.replace(/^title: (.*)$/m, `title: $1 (bench edit ${i + 1})`))
  oneRule.push(build('warm', '--cache', cache))
  log(`  one rule edited ${i + 1}: ${oneRule[i]!.wallMs} ms`)
}
// An edit only the rule's own card shows (a comment): the cross-link pages and exports are kept whole, and
// the build makes only the rule's card and site page (see cardOnlyBuild). Measured from the rule as it was
// (built once, not timed): against the last title edit, putting the title back is an edit of its own.
writeFileSync(rule, original)
build('warm', '--cache', cache)
const cardOnly: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  writeFileSync(rule, `${original}\n# bench edit ${i + 1}\n`)
  cardOnly.push(build('warm', '--cache', cache))
  log(`  one rule's comment edited ${i + 1}: ${cardOnly[i]!.wallMs} ms`)
}
writeFileSync(rule, original)
// A CI run that restored the cache (see .github/workflows/pages.yml) into a fresh checkout: no output folder yet.
const restored: ChildUsage[] = []
for (let i = 0; i < runs; i++) {
  rmSync(join(root, 'restored'), { recursive: true, force: true })
  restored.push(build('restored', '--cache', cache))
  log(`  restored cache, empty output folder ${i + 1}: ${restored[i]!.wallMs} ms`)
}
const watch = await watchRebuilds(corpus, rule, runs, (text, i) => text.replace(/^title: (.*)$/m, `title: $1 (watch edit ${i})`), join(root, 'watch-cache'))
log(`  one rule's title edited, watching process: ${watch.wallMs.map((t) => Math.round(t)).join(', ')} ms (builds ${watch.buildMs.join(', ')} ms)`)
const watchCardOnly = await watchRebuilds(corpus, rule, runs, (text, i) => `${text}\n# watch edit ${i}\n`, join(root, 'watch-cache'))
log(`  one rule's comment edited, watching process: ${watchCardOnly.wallMs.map((t) => Math.round(t)).join(', ')} ms (builds ${watchCardOnly.buildMs.join(', ')} ms)`)

// The floor of every row measured in a new process: Node starting and running an empty module, as measured
// here. Node reads the certificates NODE_EXTRA_CA_CERTS names at every start: when it is set, the same without.
const empty = join(root, 'empty.mjs')
writeFileSync(empty, '')
const nodeStart: number[] = []
const nodeStartBare: number[] = []
const { NODE_EXTRA_CA_CERTS: extraCerts, ...bareEnv } = process.env
for (let i = 0; i < Math.max(runs, 5); i++) {
  nodeStart.push(runChild(empty, [], root).wallMs)
  if (extraCerts !== undefined) nodeStartBare.push(runChild(empty, [], root, [], bareEnv).wallMs)
}
log(`  node start: ${nodeStart.join(', ')} ms${extraCerts === undefined ? '' : `; without NODE_EXTRA_CA_CERTS: ${nodeStartBare.join(', ')} ms`}`)

const floor: number[] = []
for (let i = 0; i < runs; i++) floor.push(yamlFloor(corpus).ms)
log(`  YAML floor: ${floor.map((f) => Math.round(f)).join(', ')} ms`)
const throughput: number[] = []
for (let i = 0; i < Math.min(runs, 3); i++) throughput.push(converterThroughput(corpus).perSecond)
log(`  converter: ${throughput.map((t) => Math.round(t)).join(', ')} conversions/s`)

// Not timed: the profiler's own cost would count.
const profiles: Record<string, ProfileSummary> = {}
if (values.profile) {
  const profiled = (name: string, out: string, ...extra: string[]) => {
    const dir = join(root, 'profiles', name)
    buildWith(['--cpu-prof', '--cpu-prof-dir', dir], out, ...extra)
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (file) profiles[name] = summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, modules)
  }
  const modules = bundleModules()
  rmSync(join(root, 'cold'), { recursive: true, force: true })
  profiled('cold build', 'cold', '--no-cache')
  writeFileSync(rule, original.replace(/^title: (.*)$/m, 'title: $1 (bench profile)'))
  profiled('one rule edited', 'warm', '--cache', cache)
  writeFileSync(rule, original)
  log(`  profiled: ${Object.entries(profiles).map(([name, p]) => `${name} ${p.totalMs} ms sampled`).join(', ')}`)
}

const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median: Math.round(median), min: Math.round(sorted[0]!), max: Math.round(sorted[sorted.length - 1]!) }
}
const floorMedian = stats(floor).median
const scenario = (list: ChildUsage[]) => ({ wallMs: stats(list.map((u) => u.wallMs)), cpuMs: stats(list.map((u) => u.cpuMs)), maxRssMb: stats(list.map((u) => u.maxRssKb / 1024)), exitCodes: [...new Set(list.map((u) => u.exitCode))] })
const report = {
  runs,
  machine: { cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100) },
  coldBuild: scenario(cold),
  firstBuildWithCache: scenario(firstCached),
  coldBuildOneWorker: scenario(coldWorker),
  coldBuildNoWorker: scenario(coldSingle),
  oneRuleRebuild: scenario(oneRule),
  oneRuleCardOnlyRebuild: scenario(cardOnly),
  nothingChanged: scenario(nothing),
  restoredCache: scenario(restored),
  // From the edit on disk to the rebuilt files written, and the build's own part of that.
  oneRuleRebuildWatching: { wallMs: stats(watch.wallMs), buildMs: stats(watch.buildMs) },
  oneRuleCardOnlyRebuildWatching: { wallMs: stats(watchCardOnly.wallMs), buildMs: stats(watchCardOnly.buildMs) },
  converterConversionsPerSecond: stats(throughput),
  peakMemoryMb: stats(cold.map((u) => u.maxRssKb / 1024)),
  peakMemoryFirstCachedMb: stats(firstCached.map((u) => u.maxRssKb / 1024)),
  // Every build process of the run (with workers, edits, restored cache): the target holds for each.
  peakMemoryAllBuildsMb: stats([cold, coldWorker, coldSingle, firstCached, nothing, oneRule, cardOnly, restored].flat().map((u) => u.maxRssKb / 1024)),
  yamlFloorMs: stats(floor),
  nodeStartMs: stats(nodeStart),
  ...(extraCerts === undefined ? {} : { nodeStartWithoutExtraCertsMs: stats(nodeStartBare) }),
  coldOverFloor: Math.round((stats(cold.map((u) => u.wallMs)).median / floorMedian) * 100) / 100,
  targets: { coldWallMs: 2000, coldOverFloor: 4.5, oneRuleWallMs: 150, peakMemoryMb: 600 },
  ...(values.profile ? { profiles } : {}),
}
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
else printTable(report)
if (!values.keep) rmSync(root, { recursive: true, force: true })

function printTable(r: typeof report): void {
  const row = (name: string, s: { median: number; min: number; max: number }, unit: string, target = '') => console.log(`${name.padEnd(30)} ${String(s.median).padStart(8)} ${String(s.min).padStart(8)} ${String(s.max).padStart(8)}  ${unit.padEnd(14)} ${target}`)
  console.log(`machine: ${r.machine.cpus} cores, load average ${r.machine.loadAverage.join(' ')}; ${r.runs} runs`)
  console.log(`${'measurement'.padEnd(30)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}  unit`)
  row('cold build (no cache)', r.coldBuild.wallMs, 'ms wall', `target ≤ ${r.targets.coldWallMs}`)
  row('  cpu', r.coldBuild.cpuMs, 'ms user+sys')
  row('first build with a cache', r.firstBuildWithCache.wallMs, 'ms wall', '(npm run build on a fresh checkout)')
  row('cold build, 1 worker thread', r.coldBuildOneWorker.wallMs, 'ms wall')
  row('  cpu', r.coldBuildOneWorker.cpuMs, 'ms user+sys')
  row('cold build, no worker thread', r.coldBuildNoWorker.wallMs, 'ms wall')
  row('  cpu', r.coldBuildNoWorker.cpuMs, 'ms user+sys')
  row('rebuild, one rule edited', r.oneRuleRebuild.wallMs, 'ms wall', `target ≤ ${r.targets.oneRuleWallMs}`)
  row('  cpu', r.oneRuleRebuild.cpuMs, 'ms user+sys')
  row('  in a watching process', r.oneRuleRebuildWatching.wallMs, 'ms wall', '(build --watch, serve: from the edit on disk)')
  row('    the build', r.oneRuleRebuildWatching.buildMs, 'ms wall')
  row('rebuild, one rule, card only', r.oneRuleCardOnlyRebuild.wallMs, 'ms wall', '(a comment: no cross-link page changes)')
  row('  cpu', r.oneRuleCardOnlyRebuild.cpuMs, 'ms user+sys')
  row('  in a watching process', r.oneRuleCardOnlyRebuildWatching.wallMs, 'ms wall', '(build --watch, serve: from the edit on disk)')
  row('    the build', r.oneRuleCardOnlyRebuildWatching.buildMs, 'ms wall')
  row('rebuild, nothing changed', r.nothingChanged.wallMs, 'ms wall')
  row('  cpu', r.nothingChanged.cpuMs, 'ms user+sys')
  row('restored cache, no output yet', r.restoredCache.wallMs, 'ms wall', '(a CI run with actions/cache)')
  row('converter, one core', r.converterConversionsPerSecond, 'conversions/s')
  row('peak memory (cold build)', r.peakMemoryMb, 'MB max RSS', `target ≤ ${r.targets.peakMemoryMb}`)
  row('peak memory (first cached)', r.peakMemoryFirstCachedMb, 'MB max RSS', `target ≤ ${r.targets.peakMemoryMb}`)
  row('peak memory (every build)', r.peakMemoryAllBuildsMb, 'MB max RSS', `target ≤ ${r.targets.peakMemoryMb} (max: the highest of all)`)
  row('YAML floor (js-yaml)', r.yamlFloorMs, 'ms')
  row('node start, empty module', r.nodeStartMs, 'ms wall', '(the floor of every new-process row)')
  if (r.nodeStartWithoutExtraCertsMs) row('  without NODE_EXTRA_CA_CERTS', r.nodeStartWithoutExtraCertsMs, 'ms wall', '(set here: Node reads those certificates at start)')
  console.log(`cold build / floor: ${r.coldOverFloor}× (target ≤ ${r.targets.coldOverFloor}×)`)
  const failed = [r.coldBuild, r.firstBuildWithCache, r.coldBuildOneWorker, r.coldBuildNoWorker, r.oneRuleRebuild, r.oneRuleCardOnlyRebuild, r.nothingChanged, r.restoredCache].some((s) => s.exitCodes.some((c) => c !== 0))
  if (failed) console.log('warning: some builds exited non-zero')
  for (const [name, p] of Object.entries(r.profiles ?? {})) printProfile(name, p)
}

function printProfile(name: string, p: ProfileSummary): void {
  const share = (ms: number) => `${((ms / Math.max(1, p.totalMs)) * 100).toFixed(1)} %`.padStart(7)
  console.log(`\n${name}: ${p.totalMs} ms sampled, by folder (libraries and Node counted for the code that called them)`)
  for (const { name: folder, ms } of p.folders.slice(0, 12)) console.log(`  ${folder.padEnd(44)} ${String(ms).padStart(7)} ms ${share(ms)}`)
  console.log(`${name}: by module`)
  for (const { name: module, ms } of p.modules.slice(0, 20)) console.log(`  ${module.padEnd(44)} ${String(ms).padStart(7)} ms ${share(ms)}`)
}
