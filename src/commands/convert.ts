import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { createConverter, ConverterSetupError } from '../convert/index.js'
import { BACKENDS, type BackendName, type RuleSource, type YamlMap } from '../model.js'
import { pyyamlCustomTags } from '../sigma/pyyaml-tags.js'

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
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    return `${path}: cannot read rule: ${(e as Error).message}`
  }
  const documents = parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })
  const list = Array.isArray(documents) ? documents : []
  const broken = list.find((d) => d.errors.length > 0)
  if (broken) return `${path}: invalid YAML: ${broken.errors[0]!.message.split('\n')[0]}`
  return { path, stem: basename(path).replace(/\.ya?ml$/, ''), text, documents: list.map((d) => d.toJS() as YamlMap) }
}
