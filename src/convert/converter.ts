import { readFileSync } from 'node:fs'
import type { BackendName, Conversion, RuleSource } from '../model.js'
import { readRuleFile, type RuleFile } from '../sigma/read-rule-file.js'
import { BACKEND_TABLE, DEFAULT_CONFIG_OF } from './backends/index.js'
import { BUNDLED_CONFIGS } from './config/bundled-configs.js'
import { EMPTY_CONFIG, parseConversionConfig, type ConversionConfig, type RawConfigCache } from './config/conversion-config.js'
import { asFailure, prepare, renderPrepared, renderRules } from './render-rules.js'
import type { ConversionFailure } from './search-tree.js'
import type { TextBackend } from './text-backend.js'

export interface ConverterOptions {
  /** A legacy converter configuration file; `null` for none. Default: the one the wiki used for the backend. */
  configPath?: string | null
  /** Keeps parsed configuration documents between processes. */
  rawConfigs?: RawConfigCache
}

/** What the legacy command line would have printed for one rule file. */
export interface FileConversion {
  stdout: string
  stderr: string
  exitCode: number
  ok: boolean
  reason?: string
}

export interface Converter {
  backend: BackendName
  /** The query text for a wiki card. */
  convert(rule: RuleSource): Conversion
  /** The complete standard output, error text and exit status for a rule file. */
  convertFile(rule: RuleSource): FileConversion
}

export class ConverterSetupError extends Error {}

export function createConverter(backend: BackendName, options: ConverterOptions = {}): Converter {
  const spec = BACKEND_TABLE[backend]
  if (!spec) throw new ConverterSetupError(`unknown backend '${String(backend)}', expected one of ${Object.keys(BACKEND_TABLE).join(', ')}`)
  const config = loadConfig(backend, options.configPath, options.rawConfigs)
  const convertFile = (rule: RuleSource): FileConversion => convertRuleFile(spec, config, rule)
  return {
    backend,
    convertFile,
    convert(rule) {
      const file = convertFile(rule)
      const text = file.stdout.endsWith('\n') ? file.stdout.slice(0, -1) : file.stdout
      return file.ok ? { backend, text, ok: true } : { backend, text, ok: false, reason: file.reason ?? 'not convertible' }
    },
  }
}

function loadConfig(backend: BackendName, configPath: string | null | undefined, rawConfigs: RawConfigCache | undefined): ConversionConfig {
  if (configPath === null) return EMPTY_CONFIG
  let text: string
  let label: string
  if (configPath === undefined) {
    const name = DEFAULT_CONFIG_OF[backend]
    if (!name) return EMPTY_CONFIG
    text = BUNDLED_CONFIGS[name]!
    label = `${name}.yml`
  } else {
    try {
      text = readFileSync(configPath, 'utf8')
    } catch (e) {
      throw new ConverterSetupError(`cannot read configuration '${configPath}': ${(e as Error).message}`)
    }
    label = configPath
  }
  const parsed = parseConversionConfig(text, label, rawConfigs)
  if (!parsed.ok) throw new ConverterSetupError(parsed.message)
  return parsed.config
}

function convertRuleFile(spec: TextBackend, config: ConversionConfig, source: RuleSource): FileConversion {
  const file = readRuleFile(source)
  if (file.error) return notConvertible(spec, source, file.error)
  const legacy = renderRules(spec, config, file, false)
  if (legacy.ok) {
    const stdout = printOutputs(spec, legacy.outputs, legacy.state)
    if (stdout !== '') return { stdout, stderr: '', exitCode: 0, ok: true }
  }
  return renderExtended(spec, config, source, file, legacy.ok ? null : legacy.failure)
}

/** Second pass for rules the legacy converter could not convert: each document on its own, with every feature. */
function renderExtended(spec: TextBackend, config: ConversionConfig, source: RuleSource, file: RuleFile, legacyFailure: ConversionFailure | null): FileConversion {
  const state = spec.newState?.() ?? {}
  const outputs: (string | null)[] = []
  const reasons: string[] = []
  for (const [i, doc] of file.documents.entries()) {
    try {
      outputs.push(renderPrepared(spec, config, prepare(spec, config, doc, file.rules[i] ?? null, true), true, state))
    } catch (e) {
      reasons.push(asFailure(e).message)
    }
  }
  const stdout = printOutputs(spec, outputs, state)
  if (stdout !== '' && reasons.length === 0) return { stdout, stderr: '', exitCode: 0, ok: true }
  const reason = reasons[0] ?? legacyFailure?.message ?? 'the backend produced no query'
  if (stdout !== '') return { stdout, stderr: `${source.path}: ${reason}\n`, exitCode: 0, ok: true }
  return notConvertible(spec, source, reason)
}

function notConvertible(spec: TextBackend, source: RuleSource, reason: string): FileConversion {
  const line = `# not convertible to ${spec.name}: ${reason.split('\n')[0]}`
  return { stdout: line + '\n', stderr: `${source.path}: ${reason}\n`, exitCode: 1, ok: false, reason }
}

function printOutputs(spec: TextBackend, outputs: (string | null)[], state: Record<string, unknown>): string {
  let out = ''
  for (const o of outputs) if (o) out += o + '\n'
  const final = spec.finalize?.(state)
  if (final) out += final + '\n'
  return out
}
