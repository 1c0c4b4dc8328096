import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { mergeConfig, type BuildConfig } from '../config.js'

/** Where ../shared lives (override with SHARED_DIR), and a build config over its corpus. */
export function sharedDir(): string {
  const dir = resolve(process.env.SHARED_DIR ?? resolve(process.cwd(), '../shared'))
  if (!existsSync(resolve(dir, 'corpus'))) throw new Error(`no corpus in ${dir}: put ../shared beside the checkout or set SHARED_DIR`)
  return dir
}

export function corpusConfig(shared: string, out: string, overrides: Partial<BuildConfig> = {}): BuildConfig {
  const corpus = resolve(shared, 'corpus')
  return mergeConfig({
    rules: [resolve(corpus, 'sigma')],
    dataNeeded: resolve(corpus, 'atc-data/data_needed'),
    loggingPolicies: resolve(corpus, 'atc-data/logging_policies'),
    enrichments: resolve(corpus, 'atc-data/enrichments'),
    triggers: resolve(corpus, 'atomics'),
    out,
    quiet: true,
    ...overrides,
  })
}
