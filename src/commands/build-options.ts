import type { Command } from './command.js'
import { loadConfigFile, mergeConfig, normaliseBase, type BuildConfig } from '../config.js'
import { resolve } from 'node:path'

/** Options shared by every command that builds cards (build, card, diff). */
/** Where the inputs are: shared by every command that reads them (build, card, diff, check). */
export const INPUT_OPTIONS: Command['options'] = {
  config: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'data-needed': { type: 'string' },
  'logging-policies': { type: 'string' },
  enrichments: { type: 'string' },
  triggers: { type: 'string' },
}

export const BUILD_OPTIONS: Command['options'] = {
  ...INPUT_OPTIONS,
  out: { type: 'string' },
  base: { type: 'string' },
  'site-url': { type: 'string' },
  'converter-config': { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  strict: { type: 'boolean' },
  'no-site': { type: 'boolean' },
}

export const BUILD_OPTIONS_USAGE = `  --config FILE            settings file (default: ./analytics-wiki.config.yml if present)
  --rules DIR              Sigma rules folder, read recursively (repeatable; default: rules)
  --data-needed DIR        Data Needed folder (default: data_needed)
  --logging-policies DIR   Logging Policies folder (default: data_needed/logging_policies)
  --enrichments DIR        Enrichments folder (default: data_needed/enrichments)
  --triggers DIR           Atomic Red Team atomics folder (default: triggers)
  --out DIR                output folder, replaced when the build has finished (default: dist)
  --base PATH              site base path for GitHub Pages sub-paths (default: /)
  --site-url URL           absolute URL of the published site (Navigator layers link to it)
  --converter-config BACKEND=FILE   sigmac config for one backend (repeatable)
  --no-site                only the Markdown wiki, no HTML site
  --quiet                  no progress output
  --strict                 exit 1 when there is any error or warning`

/** Defaults < config file < command line. */
export function buildConfigFrom(values: Record<string, unknown>, cwd: string): BuildConfig {
  const fromFile = loadConfigFile(values.config as string | undefined, cwd)
  const path = (key: string) => (typeof values[key] === 'string' ? resolve(cwd, values[key] as string) : undefined)
  const converterConfigs: Record<string, string> = {}
  for (const pair of (values['converter-config'] as string[] | undefined) ?? []) {
    const [backend, file] = pair.split('=', 2)
    if (!backend || !file) throw new Error(`--converter-config expects BACKEND=FILE, got '${pair}'`)
    converterConfigs[backend] = resolve(cwd, file)
  }
  const base = mergeConfig(fromFile)
  return mergeConfig(fromFile, {
    rules: (values.rules as string[] | undefined)?.map((r) => resolve(cwd, r)) ?? base.rules.map((r) => resolve(cwd, r)),
    dataNeeded: path('data-needed') ?? resolve(cwd, base.dataNeeded),
    loggingPolicies: path('logging-policies') ?? resolve(cwd, base.loggingPolicies),
    enrichments: path('enrichments') ?? resolve(cwd, base.enrichments),
    triggers: path('triggers') ?? resolve(cwd, base.triggers),
    out: path('out') ?? resolve(cwd, base.out),
    base: typeof values.base === 'string' ? normaliseBase(values.base) : undefined,
    siteUrl: typeof values['site-url'] === 'string' ? (values['site-url'].endsWith('/') ? values['site-url'] : `${values['site-url']}/`) : undefined,
    converterConfigs,
    quiet: values.quiet === true ? true : undefined,
    strict: values.strict === true ? true : undefined,
    site: values['no-site'] === true ? false : undefined,
  })
}
