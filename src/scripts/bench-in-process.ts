import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadAll } from 'js-yaml'
import type { IncrementalResult } from '../cache/incremental-build.js'
import { listInputs } from '../cache/list-inputs.js'
import { watchBuild } from '../watch/watch-build.js'
import { ruleConverter } from '../convert-all.js'
import type { Diagnostic } from '../diagnostics.js'
import { loadRules } from '../load/index.js'
import { mergeConfig } from '../config.js'

function corpusConfig(corpus: string, out = join(corpus, '..', 'watch-out')) {
  return mergeConfig({
    rules: [join(corpus, 'sigma')],
    dataNeeded: join(corpus, 'atc-data/data_needed'),
    loggingPolicies: join(corpus, 'atc-data/logging_policies'),
    enrichments: join(corpus, 'atc-data/enrichments'),
    triggers: join(corpus, 'atomics'),
    out,
    quiet: true,
  })
}

/** The floor: read and parse every input file a build reads, with js-yaml's default loader. */
export function yamlFloor(corpus: string): { ms: number; files: number } {
  const { files } = listInputs(corpusConfig(corpus))
  const start = performance.now()
  for (const file of files) {
    try {
      loadAll(readFileSync(file.path, 'utf8'))
    } catch {
      // a broken file still costs its read and parse attempt
    }
  }
  return { ms: performance.now() - start, files: files.length }
}

/** Every rule converted for every backend on this thread, after loading (not timed). */
export function converterThroughput(corpus: string): { perSecond: number; conversions: number } {
  const config = corpusConfig(corpus)
  const { rules } = loadRules(config.rules)
  const convert = ruleConverter(config)
  const diagnostics: Diagnostic[] = []
  const start = performance.now()
  let conversions = 0
  for (const rule of rules) conversions += convert(rule, diagnostics).length
  const seconds = (performance.now() - start) / 1000
  return { perSecond: conversions / seconds, conversions }
}

/** One edit of the watched rule: the rule's text after the `i`-th edit. */
export type WatchEdit = (original: string, i: number) => string

/**
 * What `build --watch` and `serve` pay for one edited rule: `watchBuild` itself, after its first build,
 * timed from the edit being on disk to the rebuilt files written (chokidar's notice and the 30 ms quiet
 * time before a rebuild included), with the build's own time beside it. `cacheDir` as `build --watch`
 * takes it (null: `--no-cache`).
 */
export async function watchRebuilds(corpus: string, rule: string, runs: number, edit: WatchEdit, cacheDir: string | null): Promise<{ wallMs: number[]; buildMs: number[] }> {
  const config = corpusConfig(corpus)
  const controller = new AbortController()
  let built: ((result: IncrementalResult) => void) | undefined
  let first: () => void = () => {}
  const ready = new Promise<void>((done) => (first = done))
  const watching = watchBuild({
    configOf: () => config,
    cacheDir,
    report: () => {},
    signal: controller.signal,
    onBuild: (result) => (built ? built(result) : first()),
  })
  await ready
  // The watchers are set up after the first build.
  await new Promise((tick) => setTimeout(tick, 1000))
  const original = readFileSync(rule, 'utf8')
  const wallMs: number[] = []
  const buildMs: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const rebuilt = new Promise<IncrementalResult>((done) => (built = done))
      const start = performance.now()
      writeFileSync(rule, edit(original, i + 1))
      const result = await rebuilt
      wallMs.push(performance.now() - start)
      buildMs.push(result.ms)
      await new Promise((tick) => setTimeout(tick, 200))
    }
  } finally {
    writeFileSync(rule, original)
    controller.abort()
    await watching
  }
  return { wallMs, buildMs }
}
