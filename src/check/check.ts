import type { Document } from 'yaml'
import type { AttackCatalogue } from '../attack/index.js'
import type { Diagnostic, Severity } from '../diagnostics.js'
import type { YamlSource } from '../load/yaml-source.js'
import type { DataSource, Inputs, RuleSource, YamlMap } from '../model.js'

/** What a YAML file is, decided by the folder it sits in or, failing that, by its content (a sigmac config is only syntax-checked). */
export type FileKind = 'rule' | 'data-needed' | 'logging-policy' | 'enrichment' | 'atomics' | 'converter-config'

/** One YAML file, parsed once with positions; every check reads this instead of the disk. */
export interface CheckedFile {
  /** Path as printed in findings. */
  path: string
  kind: FileKind
  /** The file's text ('' when it could not be read). */
  text: string
  source: YamlSource
  /** Parsed documents (with nodes and ranges) that have no syntax error. */
  documents: Document.Parsed[]
  /** Plain JS value of each document (`undefined` when the document could not be converted). */
  values: unknown[]
  /** YAML syntax errors, already as findings (`yaml-syntax`). */
  syntaxErrors: Diagnostic[]
  /** Findings are reported for this file (false: it is only reference data, e.g. the configured Data Needed). */
  target: boolean
}

/** A rule file whose first document is a map: what the rule checks look at. */
export interface RuleFile extends CheckedFile {
  kind: 'rule'
  /** `values[0]` as a map. */
  rule: YamlMap
  /** The rule as the build sees it (for Data Needed and trigger resolution). */
  ruleSource: RuleSource
}

/** A Data Needed, Logging Policy, Enrichment or atomics file whose document is a map. */
export interface DataFile extends CheckedFile {
  doc: YamlMap
}

/** Everything a check may read: all files (targets and reference data), the catalogue and the build's view of the inputs. */
export interface CheckContext {
  files: CheckedFile[]
  rules: RuleFile[]
  dataNeeded: DataFile[]
  loggingPolicies: DataFile[]
  enrichments: DataFile[]
  atomics: DataFile[]
  catalogue: AttackCatalogue
  /** The inputs the build would link rules against (Data Needed, Enrichments, trigger folders). */
  inputs: Inputs
  /** Data sources by file path, as the build's loaders would have read them. */
  dataSources: Map<string, DataSource>
}

/** A problem a check found. The runner adds the check's id and (unless given) its severity. */
export interface Finding {
  path: string
  line: number
  col: number
  message: string
  severity?: Severity
}

/** One validation: a stable id, a default severity, a one-line description, and a function that never throws. */
export interface Check {
  id: string
  severity: Severity
  description: string
  run(context: CheckContext): Finding[]
}
