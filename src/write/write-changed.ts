import { renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { hashOf } from '../cache/hash.js'
import { contentOf, DeferredText, type OutputContent } from './deferred-text.js'
import { OUTPUT_MANIFEST, OutputStage, readManifest, stampIfUnchanged, stampsOf, trustedStamp, type OutputStamps, type OutputTrust } from './output-stage.js'
import { insideOrThrow, swapIn, type OutputFiles } from './write-tree.js'

export { OUTPUT_MANIFEST, type OutputStamps, type OutputTrust } from './output-stage.js'

export interface WriteReport {
  /** Kept files (see writeChanged) that are not as the last build left them: nothing was written then. */
  lost?: string[]
  written: number
  removed: number
  unchanged: number
  /** The stamps of every output file now (to keep beside the cache, never in the output folder). */
  stamps: OutputStamps
  /** The output manifest as it now is (output path → content hash); undefined when nothing was committed. */
  manifest?: ReadonlyMap<string, string>
  /** The whole output folder was replaced (a first build): whoever watched it must watch the new one. */
  wholeTree?: boolean
}

/**
 * Writes `files` into `outDir`, touching only files whose content changed and removing files an earlier
 * build wrote that are gone. A file counts as unchanged when the manifest has its hash and the file on
 * disk still holds it (by `stamps` when they match, else by reading it back). Changed files are first
 * written to a staging folder inside `outDir`, then moved into place, so an interrupted build leaves
 * every file whole (old or new). The first build into a folder writes a whole new tree and swaps it in.
 * `kept` are files the build did not make again (path → content hash): they must be on disk as the last
 * build wrote them; when one is not, nothing is written and the report lists them as `lost`.
 * `stage` is the build's own when it staged files while it ran (see OutputStage.put); it is used up.
 */
export function writeChanged(outDir: string, files: OutputFiles, stamps: OutputStamps = new Map(), hashes?: HashMemo, kept: ReadonlyMap<string, string> = new Map(), stage: OutputStage = new OutputStage(outDir, stamps)): WriteReport {
  try {
    return commit(stage, files, hashes, kept)
  } finally {
    stage.discard()
  }
}

function commit(stage: OutputStage, files: OutputFiles, hashes: HashMemo | undefined, kept: ReadonlyMap<string, string>): WriteReport {
  const { target, previous } = stage
  const keptStamps: OutputStamps = new Map()
  const lost: string[] = []
  for (const [rel, hash] of kept) {
    const stamp = previous?.get(rel) === hash ? stage.unchanged(rel) : undefined
    if (stamp) keptStamps.set(rel, stamp)
    else lost.push(rel)
  }
  if (lost.length > 0) return { lost, written: 0, removed: 0, unchanged: 0, stamps: new Map() }
  const staged = (rel: string, content: OutputContent) => stage.holds(rel, content)
  if (!previous) {
    const tree = stage.dir()
    for (const [rel, content] of files) if (!staged(rel, content)) stage.write(rel, contentOf(content))
    const written = new Map<string, string>()
    const same = new Map<string, string>()
    for (const [rel, content] of files) written.set(rel, contentHash(hashes, rel, content, same))
    writeManifestIn(tree, written)
    swapIn(tree, target)
    stage.markCommitted()
    return { written: files.size, removed: 0, unchanged: 0, stamps: stampsOf(target, files.keys()), manifest: written, wholeTree: true }
  }
  const next = new Map<string, string>(kept)
  const nextStamps: OutputStamps = keptStamps
  const changed: [string, OutputContent][] = []
  const same = new Map<string, string>()
  for (const [rel, content] of files) {
    const hash = contentHash(hashes, rel, content, same)
    next.set(rel, hash)
    const stamp = !staged(rel, content) && previous.get(rel) === hash ? stage.onDisk(rel, content) : undefined
    if (stamp) nextStamps.set(rel, stamp)
    else changed.push([rel, content])
  }
  const removed = [...previous.keys()].filter((rel) => !files.has(rel) && !kept.has(rel))
  if (changed.length === 0 && removed.length === 0) return { written: 0, removed: 0, unchanged: files.size + kept.size, stamps: nextStamps, manifest: previous }
  for (const [rel, content] of changed) if (!staged(rel, content)) stage.write(rel, contentOf(content))
  stage.moveIn(changed.map(([rel]) => rel))
  for (const rel of removed) removeFile(target, rel)
  writeManifestIn(target, next)
  for (const [rel, stamp] of stampsOf(target, changed.map(([rel]) => rel))) nextStamps.set(rel, stamp)
  return { written: changed.length, removed: removed.length, unchanged: files.size + kept.size - changed.length, stamps: nextStamps, manifest: next }
}

/** Output hashes of the last build, kept by a watching process so it rehashes only outputs that changed. */
export type HashMemo = Map<string, { content: string | Uint8Array; hash: string }>

function contentHash(memo: HashMemo | undefined, rel: string, content: OutputContent, same: Map<string, string>): string {
  if (content instanceof DeferredText) return content.hash
  const last = memo?.get(rel)
  if (last && last.content === content) return last.hash
  // The site's downloads are the exports again, the same strings: hashed once (V8 keys a long string by its
  // length, and the same string compares equal at once).
  const shared = typeof content === 'string' && content.length >= SHARED_MIN ? same.get(content) : undefined
  const hash = shared ?? hashOf(content)
  if (typeof content === 'string' && content.length >= SHARED_MIN) same.set(content, hash)
  memo?.set(rel, { content, hash })
  return hash
}

/** Strings this long may be handed out twice (exports and their downloads). */
const SHARED_MIN = 1 << 16

/** Removes a file an earlier build wrote, and the folders that leaves empty (never `target` itself). */
function removeFile(target: string, rel: string): void {
  let path = insideOrThrow(target, rel)
  rmSync(path, { force: true })
  for (path = dirname(path); relative(target, path) !== '' && !relative(target, path).startsWith('..'); path = dirname(path)) {
    try {
      rmdirSync(path)
    } catch {
      return
    }
  }
}


export function writeManifestIn(target: string, hashes: ReadonlyMap<string, string>): void {
  const temp = join(target, `${OUTPUT_MANIFEST}.tmp`)
  writeFileSync(temp, manifestText(hashes))
  renameSync(temp, join(target, OUTPUT_MANIFEST))
}

/**
 * The manifest as JSON: an object with the paths in sorted order, one line. Written out directly: an
 * object of 8,560 keys built to be stringified took 10 ms of every watching rebuild. A manifest with the
 * paths of the last one printed is that text with the changed hashes replaced (a rebuild changes a few).
 */
export function manifestText(hashes: ReadonlyMap<string, string>): string {
  const spliced = lastPrinted && splicedManifest(lastPrinted, hashes)
  if (spliced !== undefined) return (lastPrinted!.text = spliced)
  // An object would list array-index keys first, in numeric order; the same bytes as before are kept.
  const keys = [...hashes.keys()].sort()
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b))
  const ordered = indexes.length === 0 ? keys : [...indexes, ...keys.filter((key) => !isArrayIndex(key))]
  const at = new Map<string, [number, number]>()
  let text = '{'
  ordered.forEach((key, i) => {
    text += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`
    const value = JSON.stringify(hashes.get(key))
    at.set(key, [text.length, text.length + value.length])
    text += value
  })
  text += '}\n'
  lastPrinted = { text, at }
  return text
}

/** The last manifest printed, with where each path's value is in it. */
let lastPrinted: { text: string; at: Map<string, [number, number]> } | undefined

/** `last` with the values of `hashes` in place; undefined unless the paths are the same and each value as long. */
function splicedManifest(last: { text: string; at: ReadonlyMap<string, [number, number]> }, hashes: ReadonlyMap<string, string>): string | undefined {
  if (hashes.size !== last.at.size) return undefined
  const changes: [number, number, string][] = []
  for (const [path, hash] of hashes) {
    const span = last.at.get(path)
    if (span === undefined) return undefined
    const value = JSON.stringify(hash)
    if (last.text.startsWith(value, span[0])) continue
    if (value.length !== span[1] - span[0]) return undefined
    changes.push([span[0], span[1], value])
  }
  if (changes.length === 0) return last.text
  changes.sort((a, b) => a[0] - b[0])
  const pieces: string[] = []
  let from = 0
  for (const [start, end, value] of changes) {
    pieces.push(last.text.slice(from, start), value)
    from = end
  }
  pieces.push(last.text.slice(from))
  return pieces.join('')
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1
}

/**
 * True when the output folder has its manifest and every file is still as `stamps` recorded it (files
 * `trust` vouches for are not stat'ed: see OutputTrust). `manifest`: as the caller has read it.
 */
export function outputUpToDate(outDir: string, stamps: OutputStamps, trust?: OutputTrust, manifest: ReadonlyMap<string, string> | undefined = readManifest(resolve(outDir))): boolean {
  const target = resolve(outDir)
  if (!manifest || manifest.size !== stamps.size) return false
  for (const rel of manifest.keys()) {
    if (!(trustedStamp(stamps, trust, rel) ?? stampIfUnchanged(join(target, rel), stamps.get(rel)))) return false
  }
  return true
}
