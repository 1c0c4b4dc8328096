import type { BuildConfig } from './config.js'
import type { Diagnostic } from './diagnostics.js'
import { BACKENDS, type BackendName, type Conversion, type LinkedRule, type RuleSource, type YamlMap } from './model.js'
import { createConverter, type RawConfigCache } from './convert/index.js'

/** Converts every rule for every backend; a converter failure becomes a commented block and a diagnostic. */
export function convertAll(rules: LinkedRule[], config: Pick<BuildConfig, 'converterConfigs'>, diagnostics: Diagnostic[], rawConfigs?: RawConfigCache): LinkedRule[] {
  const convert = ruleConverter(config, rawConfigs)
  return rules.map((rule) => ({ ...rule, conversions: convert(rule.source, diagnostics) }))
}

/** One rule's conversions for every backend, in BACKENDS order (the converters are set up once). */
export function ruleConverter(config: Pick<BuildConfig, 'converterConfigs'>, rawConfigs?: RawConfigCache): (rule: RuleSource, diagnostics: Diagnostic[]) => Conversion[] {
  const shared = parsedOnce(rawConfigs)
  const converters = BACKENDS.map((backend) => ({ backend, converter: createConverter(backend, { configPath: config.converterConfigs[backend], rawConfigs: shared }) }))
  return (rule, diagnostics) => converters.map(({ backend, converter }) => convertOne(rule, backend, converter, diagnostics))
}

function convertOne(rule: RuleSource, backend: BackendName, converter: ReturnType<typeof createConverter>, diagnostics: Diagnostic[]): Conversion {
  try {
    return converter.convert(rule)
  } catch (error) {
    const reason = `internal converter error: ${(error as Error).message}`
    diagnostics.push({ path: rule.path, line: 1, col: 1, severity: 'warning', message: `${backend}: ${reason}`, code: 'convert-crash' })
    return { backend, text: `# not convertible to ${backend}: ${reason}`, ok: false, reason }
  }
}

/** Backends that share a configuration (es-qs and xpack-watcher: winlogbeat) parse it once: 24 ms each time. */
function parsedOnce(kept: RawConfigCache | undefined): RawConfigCache {
  const parsed = new Map<string, YamlMap>()
  return {
    get(text) {
      let raw = parsed.get(text)
      if (raw === undefined) {
        raw = kept?.get(text)
        if (raw !== undefined) parsed.set(text, raw)
      }
      return raw
    },
    put(text, raw) {
      parsed.set(text, raw)
      kept?.put(text, raw)
    },
  }
}
