import { statSync } from 'node:fs'
import { otherInputDirs, type BuildConfig } from '../config.js'
import { listAtomicsFiles } from '../load/list-atomics-files.js'
import { listYamlFiles } from '../load/list-files.js'
import type { DataKind } from '../load/load-data-sources.js'

export type InputKind = 'rule' | 'atomics' | DataKind

export interface InputFile {
  kind: InputKind
  path: string
  /** For atomics: the technique folder's name. */
  techniqueId?: string
}

/** What a build compares of an input file to tell it unchanged without reading it (as git's index does). */
export interface FileStat {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

/** The input files of one build, as listed; `stats` holds what the up-to-date check found, for reading them after. */
export interface ListedInputs {
  files: InputFile[]
  triggerFolders: Set<string>
  stats?: Map<string, FileStat>
}

/** Every input file a build reads, in the order the loaders read them, and the trigger folders. */
export function listInputs(config: Pick<BuildConfig, 'rules' | 'dataNeeded' | 'loggingPolicies' | 'enrichments' | 'triggers'>): ListedInputs {
  const files: InputFile[] = []
  for (const dir of config.rules) for (const path of listYamlFiles(dir, otherInputDirs(config, dir))) files.push({ kind: 'rule', path })
  const data: [DataKind, string][] = [
    ['Data Needed', config.dataNeeded],
    ['Logging Policy', config.loggingPolicies],
    ['Enrichment', config.enrichments],
  ]
  for (const [kind, dir] of data) if (dir) for (const path of listYamlFiles(dir, otherInputDirs(config, dir))) files.push({ kind, path })
  const atomics = listAtomicsFiles(config.triggers)
  for (const { path, techniqueId } of atomics.files) files.push({ kind: 'atomics', path, techniqueId })
  return { files, triggerFolders: atomics.triggerFolders }
}

/**
 * The last build's listing again, for a process that watches the inputs and saw only `changed` files
 * change (none added or removed): those are stat'ed anew, the others keep the stamps the last build took.
 * Undefined when the last listing has no stamps to reuse, or a changed file is not one of its inputs.
 */
export function relisted(last: ListedInputs, changed: Iterable<string>): ListedInputs | undefined {
  if (!last.stats) return undefined
  const stats = new Map(last.stats)
  for (const path of changed) {
    // Not an input as listed (a converter config, or a path spelt otherwise): list everything again.
    if (!stats.has(path)) return undefined
    try {
      stats.set(path, statSync(path))
    } catch {
      stats.delete(path)
    }
  }
  return { files: last.files, triggerFolders: last.triggerFolders, stats }
}
