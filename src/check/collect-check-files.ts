import { existsSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { BuildConfig } from '../config.js'
import { listYamlFiles } from '../load/index.js'
import type { FileKind } from './check.js'

/** The configured input folders, by the kind of file they hold. */
export function configuredFolders(config: BuildConfig): [string, FileKind][] {
  return [
    ...config.rules.map((dir): [string, FileKind] => [dir, 'rule']),
    [config.dataNeeded, 'data-needed'],
    [config.loggingPolicies, 'logging-policy'],
    [config.enrichments, 'enrichment'],
    [config.triggers, 'atomics'],
  ]
}

/** The kind of the deepest configured folder holding `file` (Logging Policies may sit inside the Data Needed folder). */
export function folderKindOf(file: string, folders: readonly [string, FileKind][]): FileKind | undefined {
  let best: [string, FileKind] | undefined
  for (const entry of folders) {
    if (isInside(file, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry
  }
  return best?.[1]
}

/** Every YAML file below each path (a file counts as itself), without `node_modules`; unreadable paths are returned separately. */
export function listTargets(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = []
  const missing: string[] = []
  for (const path of paths) {
    if (!existsSync(path)) missing.push(path)
    else if (statSync(path).isDirectory()) files.push(...listYamlFiles(path).filter((f) => !f.split(sep).includes('node_modules')))
    else files.push(path)
  }
  return { files, missing }
}

/**
 * The configured folders read as reference data beside the checked paths. A folder joins when no checked
 * file is of its kind (so `check rules/new.yml` still sees the configured Data Needed) or when it holds a
 * checked file (so ids are compared across the whole rules folder), but not when unrelated paths are
 * checked (another repository's rules are not compared with this one's).
 */
export function referenceFolders(targets: readonly string[], targetKinds: ReadonlySet<FileKind>, config: BuildConfig): [string, FileKind][] {
  return configuredFolders(config).filter(([dir, kind]) => !targetKinds.has(kind) || targets.some((f) => isInside(resolve(f), dir)))
}

function isInside(file: string, dir: string): boolean {
  const d = resolve(dir)
  return file === d || file.startsWith(d.endsWith(sep) ? d : d + sep)
}
