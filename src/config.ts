import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parse } from 'yaml'
import type { BackendName } from './model.js'

/** Everything a build needs to know, after defaults, config file and command line are merged. */
export interface BuildConfig {
  rules: string[]
  dataNeeded: string
  loggingPolicies: string
  enrichments: string
  triggers: string
  out: string
  /** Site base path, e.g. `/analytics-wiki/`. */
  base: string
  /** Absolute URL of the published site; Navigator layers link techniques and rules there. */
  siteUrl?: string
  /** Per-backend sigmac config file overriding the bundled pairing. */
  converterConfigs: Partial<Record<BackendName, string>>
  quiet: boolean
  strict: boolean
  /** Build the HTML site and cross-link pages too (off: only the ATC cards). */
  site: boolean
}

export const DEFAULT_CONFIG_FILE = 'analytics-wiki.config.yml'

export const DEFAULTS: BuildConfig = {
  rules: ['rules'],
  dataNeeded: 'data_needed',
  loggingPolicies: 'data_needed/logging_policies',
  enrichments: 'data_needed/enrichments',
  triggers: 'triggers',
  out: 'dist',
  base: '/',
  converterConfigs: {},
  quiet: false,
  strict: false,
  site: true,
}

/** Keys accepted in the config file, mapped to BuildConfig keys. */
const FILE_KEYS: Record<string, keyof BuildConfig> = {
  rules: 'rules',
  data_needed: 'dataNeeded',
  logging_policies: 'loggingPolicies',
  enrichments: 'enrichments',
  triggers: 'triggers',
  out: 'out',
  base: 'base',
  site_url: 'siteUrl',
  converter_configs: 'converterConfigs',
  site: 'site',
}

export class ConfigError extends Error {}

/**
 * Reads the config file (explicit path, or `analytics-wiki.config.yml` in `cwd` if present); relative paths in
 * it are relative to the file. Unknown keys are an error naming the accepted ones.
 */
export function loadConfigFile(path: string | undefined, cwd: string): Partial<BuildConfig> {
  const file = path ? resolve(cwd, path) : resolve(cwd, DEFAULT_CONFIG_FILE)
  if (!existsSync(file)) {
    if (path) throw new ConfigError(`config file '${path}' does not exist`)
    return {}
  }
  const raw = parse(readFileSync(file, 'utf8')) as unknown
  if (raw === null || raw === undefined) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected a map of settings, got ${JSON.stringify(raw)}`)
  const dir = dirname(file)
  const out: Partial<BuildConfig> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const target = FILE_KEYS[key]
    if (!target) throw new ConfigError(`${file}: unknown setting '${key}', expected one of ${Object.keys(FILE_KEYS).join(', ')}`)
    ;(out as Record<string, unknown>)[target] = resolveSetting(target, value, dir, file)
  }
  return out
}

function resolveSetting(key: keyof BuildConfig, value: unknown, dir: string, file: string): unknown {
  const path = (v: unknown) => {
    if (typeof v !== 'string') throw new ConfigError(`${file}: '${key}' must be a path, got ${JSON.stringify(v)}`)
    return resolve(dir, v)
  }
  switch (key) {
    case 'rules':
      return (Array.isArray(value) ? value : [value]).map(path)
    case 'converterConfigs': {
      if (typeof value !== 'object' || value === null) throw new ConfigError(`${file}: 'converter_configs' must map backend names to config files`)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, path(v)]))
    }
    case 'base':
      if (typeof value !== 'string') throw new ConfigError(`${file}: 'base' must be a string such as /my-wiki/`)
      return normaliseBase(value)
    case 'siteUrl':
      if (typeof value !== 'string' || !/^https?:\/\//.test(value)) throw new ConfigError(`${file}: 'site_url' must be an http(s) URL`)
      return value.endsWith('/') ? value : `${value}/`
    case 'site':
      if (typeof value !== 'boolean') throw new ConfigError(`${file}: 'site' must be true or false`)
      return value
    default:
      return path(value)
  }
}

export function normaliseBase(base: string): string {
  const trimmed = base.trim() || '/'
  const withLead = trimmed.startsWith('/') ? trimmed : `/${trimmed}`
  return withLead.endsWith('/') ? withLead : `${withLead}/`
}

export function mergeConfig(...layers: Partial<BuildConfig>[]): BuildConfig {
  const merged: BuildConfig = { ...DEFAULTS, converterConfigs: {} }
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue
      if (key === 'converterConfigs') Object.assign(merged.converterConfigs, value)
      else (merged as unknown as Record<string, unknown>)[key] = value
    }
  }
  return merged
}

/** The other configured input folders, which a walk of `dir` must not descend into. */
export function otherInputDirs(config: Pick<BuildConfig, 'rules' | 'dataNeeded' | 'loggingPolicies' | 'enrichments' | 'triggers'>, dir: string): string[] {
  return [...config.rules, config.dataNeeded, config.loggingPolicies, config.enrichments, config.triggers].filter((d) => d && d !== dir)
}
