import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadAll } from 'js-yaml'
import { incrementalBuild } from '../cache/incremental-build.js'
import { listInputs } from '../cache/list-inputs.js'
import { UnitStore } from '../cache/unit-store.js'
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

/**
 * What `build --watch` and `serve` pay for one edited rule: a build in a process that already built
 * once (its work in memory), timed from the edit being on disk to the changed files written.
 */
export async function watchRebuilds(corpus: string, rule: string, runs: number): Promise<number[]> {
  const config = corpusConfig(corpus)
  const store = new UnitStore(null)
  const quiet = { cacheDir: null, store, report: () => {} }
  await incrementalBuild(config, quiet)
  const original = readFileSync(rule, 'utf8')
  const times: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(rule, original.replace(/^title: (.*)$/m, `title: $1 (watch edit ${i + 1})`))
      const start = performance.now()
      await incrementalBuild(config, quiet)
      times.push(performance.now() - start)
    }
  } finally {
    writeFileSync(rule, original)
  }
  return times
}
