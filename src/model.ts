/**
 * The data that flows between build steps (load → link → convert → render → write).
 * Parsed YAML is kept as plain JS values (YAML 1.1, as PyYAML reads it); typed views are
 * built by the modules that need them.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type YamlMap = Record<string, unknown>

/** A Sigma rule file: one rule, possibly several YAML documents (`action: global` / `repeat`). */
export interface RuleSource {
  /** Path as it will be printed in diagnostics (relative to the working directory when possible). */
  path: string
  /** File name without `.yml`/`.yaml`: the card's file name. */
  stem: string
  /** The file text, unchanged (the card shows it verbatim). */
  text: string
  /** Every YAML document of the file as plain JS; `documents[0]` is the rule itself. */
  documents: YamlMap[]
}

/** A Data Needed, Logging Policy or Enrichment document. */
export interface DataSource {
  path: string
  stem: string
  text: string
  doc: YamlMap
  title: string
}

/** One Atomic Red Team technique file (`<Tid>/<Tid>.yaml`). */
export interface AtomicsSource {
  path: string
  /** Folder name, e.g. `T1003.001`. */
  techniqueId: string
  text: string
  doc: YamlMap
}

export interface Inputs {
  rules: RuleSource[]
  dataNeeded: DataSource[]
  loggingPolicies: DataSource[]
  enrichments: DataSource[]
  atomics: AtomicsSource[]
  /** Technique ids that have a folder in the triggers directory (ATC lists a trigger only then). */
  triggerFolders: Set<string>
}

export interface TacticRef { id: string; name: string; tag: string }
export interface TechniqueRef { id: string; name: string | null; tag: string }

/** What the link step works out for a rule. */
export interface RuleLinks {
  tactics: TacticRef[]
  techniques: TechniqueRef[]
  otherTags: string[]
  /** Sorted, de-duplicated Data Needed titles. */
  dataNeeded: string[]
  /** Technique ids (upper case) with a triggers folder, in tag order. */
  triggers: string[]
}

export const BACKENDS = ['powershell', 'es-qs', 'xpack-watcher', 'graylog', 'splunk', 'logpoint', 'grep'] as const
export type BackendName = (typeof BACKENDS)[number]

/** One backend's query for a rule. `text` is what goes in the card's block (sigmac stdout minus one trailing newline). */
export interface Conversion {
  backend: BackendName
  text: string
  /** True when the backend produced a query; false when `text` is a one-line comment saying why not. */
  ok: boolean
  /** Why the rule could not be converted, when `ok` is false. */
  reason?: string
}

export interface LinkedRule {
  source: RuleSource
  links: RuleLinks
  conversions: Conversion[]
}
