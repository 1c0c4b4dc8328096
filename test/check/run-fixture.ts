import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { createCheckContext, runChecks } from '../../src/check/index.js'
import { mergeConfig } from '../../src/config.js'
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js'

export const FIXTURES = fileURLToPath(new URL('../fixtures/check/', import.meta.url))
export const REPO = join(FIXTURES, 'repo')

/** The good fixture repository as configured input folders. */
export const repoConfig = mergeConfig({
  rules: [join(REPO, 'rules')],
  dataNeeded: join(REPO, 'data_needed'),
  loggingPolicies: join(REPO, 'logging_policies'),
  enrichments: join(REPO, 'enrichments'),
  triggers: join(REPO, 'atomics'),
})

/** Checks `paths` (relative to `cwd`) against the fixture repository; findings with paths relative to `cwd`. */
export function checkPaths(cwd: string, paths: string[]): Diagnostic[] {
  return runChecks(createCheckContext({ paths, config: repoConfig, cwd }))
}

export function lines(findings: readonly Diagnostic[]): string {
  return findings.map((d) => `${formatDiagnostic(d)}\n`).join('')
}
