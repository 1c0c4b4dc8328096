import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadAll } from 'js-yaml'
import { listInputs } from '../cache/list-inputs.js'
import { ruleConverter } from '../convert-all.js'
import type { Diagnostic } from '../diagnostics.js'
import { loadRules } from '../load/index.js'
import { mergeConfig } from '../config.js'

function corpusConfig(corpus: string) {
  return mergeConfig({
    rules: [join(corpus, 'sigma')],
    dataNeeded: join(corpus, 'atc-data/data_needed'),
    loggingPolicies: join(corpus, 'atc-data/logging_policies'),
    enrichments: join(corpus, 'atc-data/enrichments'),
    triggers: join(corpus, 'atomics'),
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
