import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { mergeConfig, type BuildConfig } from '../../src/config.js'

export const DIFF_FIXTURES = fileURLToPath(new URL('../fixtures/diff/', import.meta.url))
const reference = join(DIFF_FIXTURES, 'reference')

/** Build settings for the fixture rules folder `rules` with the fixture reference data (no site). */
export function fixtureConfig(rules: string): BuildConfig {
  return mergeConfig({
    rules: [rules],
    dataNeeded: join(reference, 'data_needed'),
    loggingPolicies: join(reference, 'logging_policies'),
    enrichments: join(reference, 'enrichments'),
    triggers: join(reference, 'atomics'),
    site: false,
    quiet: true,
  })
}

/** The same, as command-line options relative to the fixture folder. */
export const REFERENCE_OPTIONS = ['--data-needed', 'reference/data_needed', '--logging-policies', 'reference/logging_policies', '--enrichments', 'reference/enrichments', '--triggers', 'reference/atomics']
