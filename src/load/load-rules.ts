import { readFileSync } from 'node:fs'
import type { Document } from 'yaml'
import type { Diagnostic } from '../diagnostics.js'
import type { RuleSource, YamlMap } from '../model.js'
import { fileStem } from './file-stem.js'
import { listYamlFiles } from './list-files.js'
import { checkFieldKind } from './check-field-kind.js'
import { REQUIRED_RULE_FIELDS, RULE_FIELDS } from './rule-schema.js'
import { fastYamlDocuments } from './fast-yaml.js'
import { keyPositionOf, parseYamlSource, positionOf, type YamlSource } from './yaml-source.js'

export interface LoadedRules {
  rules: RuleSource[]
  diagnostics: Diagnostic[]
}

/** Reads every rule file below each directory (recursively); broken rules are reported and left out. */
export function loadRules(dirs: readonly string[], excludeFor: (dir: string) => readonly string[] = () => []): LoadedRules {
  const rules: RuleSource[] = []
  const diagnostics: Diagnostic[] = []
  for (const dir of dirs) {
    for (const path of listYamlFiles(dir, excludeFor(dir))) {
      const result = readRule(path)
      diagnostics.push(...result.diagnostics)
      if (result.rule) rules.push(result.rule)
    }
  }
  return { rules, diagnostics }
}

export function readRule(path: string, text?: string): { rule?: RuleSource; diagnostics: Diagnostic[] } {
  let content: string
  try {
    content = text ?? readFileSync(path, 'utf8')
  } catch (error) {
    return { diagnostics: [{ path, line: 1, col: 1, severity: 'error', message: `cannot read file: ${(error as Error).message}`, code: 'read' }] }
  }
  return parseRule(path, content)
}

export function parseRule(path: string, text: string): { rule?: RuleSource; diagnostics: Diagnostic[] } {
  // Fast path: a clean rule needs no positions. Anything to report is worked out again with positions.
  const fast = fastYamlDocuments(text)
  if (fast && fast.length > 0 && fast.every(isMap) && validateFields(path, fast, NO_POSITION).length === 0) {
    return { rule: { path, stem: fileStem(path), text, documents: fast }, diagnostics: [] }
  }
  const { source, diagnostics } = parseYamlSource(path, text)
  if (diagnostics.length > 0) return { diagnostics }
  if (source.documents.length === 0) {
    return { diagnostics: [{ path, line: 1, col: 1, severity: 'error', message: 'empty rule file, expected a Sigma rule (a YAML map with title, id, detection)', code: 'rule-empty' }] }
  }
  const documents: YamlMap[] = []
  for (const doc of source.documents) {
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown
    if (!isMap(value)) {
      const { line, col } = positionOf(source, doc.contents)
      return { diagnostics: [{ path, line, col, severity: 'error', message: `rule document is ${describe(value)}, expected a map of Sigma fields`, code: 'rule-type' }] }
    }
    documents.push(value)
  }
  const findings = validateRule(source, source.documents[0]!, documents)
  // A rule without a title or detection, or with a field of the wrong type, gets no card; a missing id or an
  // unknown field is reported and the card is kept.
  if (findings.some((d) => d.code === 'rule-required' || d.code === 'rule-field-type')) return { diagnostics: findings }
  return { rule: { path, stem: fileStem(path), text, documents }, diagnostics: findings }
}

function validateRule(source: YamlSource, doc: Document.Parsed, documents: YamlMap[]): Diagnostic[] {
  return validateFields(source.path, documents, (key) => keyPositionOf(source, doc, [key]))
}

const NO_POSITION = () => ({ line: 1, col: 1 })

function validateFields(path: string, documents: YamlMap[], at: (key: string) => { line: number; col: number }): Diagnostic[] {
  const first = documents[0]!
  const out: Diagnostic[] = []
  // A multi-document rule's first document may be a shared `action: global` part without detection.
  const isCollection = documents.length > 1
  const isCorrelation = 'correlation' in first
  for (const field of REQUIRED_RULE_FIELDS) {
    if (field === 'detection' && (isCollection || isCorrelation)) continue
    if (!(field in first) || first[field] === null || first[field] === '') {
      const code = field === 'id' ? 'rule-id-missing' : 'rule-required'
      out.push({ path, line: 1, col: 1, severity: 'error', message: `missing required field '${field}'`, code })
    }
  }
  for (const [key, value] of Object.entries(first)) {
    const kind = RULE_FIELDS[key]
    const { line, col } = at(key)
    if (!kind) {
      out.push({ path, line, col, severity: 'warning', message: `unknown field '${key}', expected one of the Sigma rule fields (title, id, logsource, detection, …)`, code: 'rule-unknown-field' })
      continue
    }
    const problem = checkFieldKind(value, kind)
    if (problem) out.push({ path, line, col, severity: 'error', message: `field '${key}' is ${problem}`, code: 'rule-field-type' })
  }
  return out
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`
}
