import { resolve } from 'node:path'
import { UsageError, type Command } from './command.js'
import { createConverter, ConverterSetupError } from '../convert/index.js'
import { BACKENDS, type BackendName, type RuleSource } from '../model.js'
import { readRule as loadRuleFile } from '../load/index.js'
import { formatDiagnostic } from '../diagnostics.js'

export interface ConvertCommandOptions {
  backend: string
  /** A legacy converter configuration file; default: the one the wiki uses for the backend. */
  config?: string
  rules: string[]
}

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * `convert -t BACKEND [--config FILE] RULE...`: prints what the legacy `sigmac` printed for each rule
 * (with `--ignore-backend-errors`), or, for rules it could not convert, a better query or a one-line
 * `# not convertible` comment. Exit status 1 when any rule could not be read or converted.
 */
export function convertCommand(options: ConvertCommandOptions): CommandResult {
  if (!(BACKENDS as readonly string[]).includes(options.backend)) {
    return { stdout: '', stderr: `unknown backend '${options.backend}', expected one of: ${BACKENDS.join(', ')}\n`, exitCode: 2 }
  }
  let converter
  try {
    converter = createConverter(options.backend as BackendName, options.config === undefined ? {} : { configPath: options.config })
  } catch (e) {
    if (e instanceof ConverterSetupError) return { stdout: '', stderr: e.message + '\n', exitCode: 2 }
    throw e
  }
  let stdout = ''
  let stderr = ''
  let exitCode = 0
  for (const path of options.rules) {
    const source = readRule(path)
    if (typeof source === 'string') {
      stderr += source + '\n'
      exitCode = 1
      continue
    }
    const result = converter.convertFile(source)
    stdout += result.stdout
    stderr += result.stderr
    if (!result.ok) exitCode = 1
  }
  return { stdout, stderr, exitCode }
}

function readRule(path: string): RuleSource | string {
  const { rule, diagnostics } = loadRuleFile(path)
  if (rule) return rule
  return diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')
}

export const convertCliCommand: Command = {
  name: 'convert',
  summary: 'print the query a legacy sigmac backend gives for Sigma rules',
  usage: `analytics-wiki convert -t BACKEND [--config FILE] RULE...

  -t, --target BACKEND   one of ${BACKENDS.join(', ')}
  -c, --config FILE      legacy sigmac config (field mappings, log sources); default: the config ATC paired
                         with the backend (powershell.yml, winlogbeat.yml, splunk-windows.yml, logpoint-windows.yml;
                         none for graylog and grep)

Exit codes: 0 every rule converted, 1 a rule could not be read or converted (a '# not convertible' line says why),
2 usage error (unknown backend, unreadable config).`,
  options: { target: { type: 'string', short: 't' }, config: { type: 'string', short: 'c' } },
  allowPositionals: true,
  run(values, positionals, io) {
    if (typeof values.target !== 'string') throw new UsageError('missing -t BACKEND')
    if (positionals.length === 0) throw new UsageError('no rule files given')
    const config = typeof values.config === 'string' ? resolve(io.cwd, values.config) : undefined
    const result = convertCommand({ backend: values.target, config, rules: positionals.map((p) => resolve(io.cwd, p)) })
    io.stdout(result.stdout)
    io.stderr(result.stderr)
    return result.exitCode
  },
}
