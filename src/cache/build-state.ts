import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { BuildConfig } from '../config.js'
import type { Diagnostic } from '../diagnostics.js'
import type { OutputStamps } from '../write/index.js'
import { hashOf } from './hash.js'
import { saveCacheFile } from './save-cache-file.js'
import { listInputs, type ListedInputs } from './list-inputs.js'

/** What the last build of an output folder saw, to tell in a few milliseconds that nothing changed. */
export interface BuildState {
  key: string
  diagnostics: Diagnostic[]
  fileCount: number
  /** Size and time of every output file as this build left it. */
  stamps: OutputStamps
  /**
   * Inputs changed too shortly before the build for their time stamps to be trusted, with the content hash
   * of the text the build read: the next build compares their content instead.
   */
  racy?: { path: string; hash: string }[]
}

// A file changed within this long before the state was taken may change again within the same mtime tick.
const RACY_MS = 2000

/**
 * A key over the build settings, the tool and every input file's size and times (no file is read), and the
 * inputs modified too recently for their time stamps to be trusted (git's "racy" files: the next build
 * checks them by content, see racyUnchanged). `undefined` when an input cannot be stat'ed.
 */
export function quickKey(config: BuildConfig, tool: string, extra: string, listed: ListedInputs = listInputs(config), now = Date.now()): { key: string; racy: string[] } | undefined {
  const { files, triggerFolders } = listed
  // Stamps the listing already has (a watching process's, see relisted) are not taken again.
  const given = listed.stats
  const stats = (listed.stats = new Map())
  // The working folder too: outputs show input paths relative to it (see displayPath).
  const parts: string[] = [tool, extra, settingsText(config), process.cwd(), ...[...triggerFolders].sort()]
  const racy: string[] = []
  for (const file of files) {
    let stat = given?.get(file.path)
    try {
      stat ??= statSync(file.path)
    } catch {
      return undefined
    }
    stats.set(file.path, stat)
    if (now - stat.mtimeMs < RACY_MS) racy.push(file.path)
    parts.push(file.path, String(stat.size), String(stat.mtimeMs), String(stat.ctimeMs), String(stat.ino))
  }
  return { key: hashOf(...parts), racy }
}

/** The content hashes (`hashOf(text)`) of the racy inputs as the build read them; undefined when one was not read. */
export function racyHashes(racy: readonly string[], hashOfInput: (path: string) => string | undefined): BuildState['racy'] {
  const out: NonNullable<BuildState['racy']> = []
  for (const path of racy) {
    const hash = hashOfInput(path)
    if (hash === undefined) return undefined
    out.push({ path, hash })
  }
  return out
}

/** Whether every input that was racy when the state was taken still holds the text the build read. */
export function racyUnchanged(racy: BuildState['racy']): boolean {
  return (racy ?? []).every(({ path, hash }) => {
    try {
      return hashOf(readFileSync(path, 'utf8')) === hash
    } catch {
      return false
    }
  })
}

/** Every setting that changes the output (not `quiet`, `strict`): the config file's content counts through them. */
export function settingsText(config: BuildConfig): string {
  const { quiet: _quiet, strict: _strict, ...rest } = config
  return JSON.stringify(rest, Object.keys(rest).sort().concat(Object.keys(rest.converterConfigs).sort()))
}

export function readBuildState(cacheDir: string, out: string): BuildState | undefined {
  try {
    return deserialize(readFileSync(stateFile(cacheDir, out))) as BuildState
  } catch {
    return undefined
  }
}

export function writeBuildState(cacheDir: string, out: string, state: BuildState): void {
  saveCacheFile(stateFile(cacheDir, out), serialize(state))
}

/** Where the last build into `out` recorded which rules an edit may change by their own pages alone (see cardEditIndex). */
export function cardIndexFile(cacheDir: string, out: string): string {
  return `${stateFile(cacheDir, out)}.cards`
}

function stateFile(cacheDir: string, out: string): string {
  return join(cacheDir, 'builds', hashOf(resolve(out)))
}

/** Where the last build into `out` recorded what it read of each input (see readInputs). */
export function knownInputsFile(cacheDir: string, out: string): string {
  return `${stateFile(cacheDir, out)}.inputs`
}

/** Where the site pages of the last build into `out` are described (see PageMemo). */
export function pageMemoFile(cacheDir: string, out: string): string {
  return `${stateFile(cacheDir, out)}.pages`
}
