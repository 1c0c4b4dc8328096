import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { hashOf } from '../cache/hash.js'
import { contentOf, DeferredText, type OutputContent } from './deferred-text.js'
import { guardTarget, insideOrThrow, OUTPUT_MARKER, writeTree, type OutputFiles } from './write-tree.js'

/** Inside the output folder: the content hash of each file a build wrote there (deterministic: no times). */
export const OUTPUT_MANIFEST = '.analytics-wiki-manifest'
const STAGE_PREFIX = '.analytics-wiki-stage-'

/** Size and modification time of each output file as last written: lets a later build skip reading it back. */
type Stamp = { size: number; mtimeMs: number }
export type OutputStamps = Map<string, Stamp>

export interface WriteReport {
  /** Kept files (see writeChanged) that are not as the last build left them: nothing was written then. */
  lost?: string[]
  written: number
  removed: number
  unchanged: number
  /** The stamps of every output file now (to keep beside the cache, never in the output folder). */
  stamps: OutputStamps
}

/**
 * Writes `files` into `outDir`, touching only files whose content changed and removing files an earlier
 * build wrote that are gone. A file counts as unchanged when the manifest has its hash and the file on
 * disk still holds it (by `stamps` when they match, else by reading it back). Changed files are first
 * written to a staging folder inside `outDir`, then moved into place, so an interrupted build leaves
 * every file whole (old or new). The first build into a folder writes a whole new tree and swaps it in.
 * `kept` are files the build did not make again (path → content hash): they must be on disk as the last
 * build wrote them; when one is not, nothing is written and the report lists them as `lost`.
 */
export function writeChanged(outDir: string, files: OutputFiles, stamps: OutputStamps = new Map(), hashes?: HashMemo, kept: ReadonlyMap<string, string> = new Map()): WriteReport {
  const target = resolve(outDir)
  guardTarget(target)
  const previous = readManifest(target)
  const keptStamps: OutputStamps = new Map()
  const lost: string[] = []
  for (const [rel, hash] of kept) {
    const stamp = previous?.get(rel) === hash ? stampIfUnchanged(outputPath(target, rel), stamps.get(rel)) : undefined
    if (stamp) keptStamps.set(rel, stamp)
    else lost.push(rel)
  }
  if (lost.length > 0) return { lost, written: 0, removed: 0, unchanged: 0, stamps: new Map() }
  if (!previous) {
    writeTree(target, files)
    const written = new Map<string, string>()
    const same = new Map<string, string>()
    for (const [rel, content] of files) written.set(rel, contentHash(hashes, rel, content, same))
    writeManifest(target, written)
    return { written: files.size, removed: 0, unchanged: 0, stamps: stampsOf(target, files.keys()) }
  }
  for (const name of readdirSync(target)) if (name.startsWith(STAGE_PREFIX)) rmSync(join(target, name), { recursive: true, force: true })
  const next = new Map<string, string>(kept)
  const nextStamps: OutputStamps = keptStamps
  const changed: [string, OutputContent][] = []
  const same = new Map<string, string>()
  for (const [rel, content] of files) {
    const full = outputPath(target, rel)
    const hash = contentHash(hashes, rel, content, same)
    next.set(rel, hash)
    const stamp = previous.get(rel) === hash ? onDisk(full, content, stamps.get(rel)) : undefined
    if (stamp) nextStamps.set(rel, stamp)
    else changed.push([rel, content])
  }
  const removed = [...previous.keys()].filter((rel) => !files.has(rel) && !kept.has(rel))
  if (changed.length === 0 && removed.length === 0) return { written: 0, removed: 0, unchanged: files.size + kept.size, stamps: nextStamps }
  const stage = join(target, `${STAGE_PREFIX}${process.pid}`)
  try {
    for (const [rel, content] of changed) {
      const staged = insideOrThrow(stage, rel)
      mkdirSync(dirname(staged), { recursive: true })
      writeFileSync(staged, contentOf(content))
    }
    for (const [rel] of changed) {
      const full = insideOrThrow(target, rel)
      mkdirSync(dirname(full), { recursive: true })
      renameSync(insideOrThrow(stage, rel), full)
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
  for (const rel of removed) removeFile(target, rel)
  writeManifest(target, next)
  for (const [rel, stamp] of stampsOf(target, changed.map(([rel]) => rel))) nextStamps.set(rel, stamp)
  return { written: changed.length, removed: removed.length, unchanged: files.size + kept.size - changed.length, stamps: nextStamps }
}

/** Where `rel` goes inside `target`; refuses a path that would leave it (see insideOrThrow). */
function outputPath(target: string, rel: string): string {
  return plainRelative(rel) ? `${target}${sep}${rel}` : insideOrThrow(target, rel)
}

/** A relative path that cannot leave its folder, told without path resolution (the common case, cheap). */
function plainRelative(rel: string): boolean {
  if (sep !== '/' || rel === '' || rel.startsWith('/') || rel.includes('\0') || rel.includes('\\')) return false
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
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

/** The file's size and time now; undefined when it is gone. */
function stampOf(path: string): Stamp | undefined {
  try {
    const { size, mtimeMs } = statSync(path)
    return { size, mtimeMs }
  } catch {
    return undefined
  }
}

function sameStamp(a: Stamp, b: Stamp | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs
}

/** The file's stamp when it holds `content`: trusted from `stamp` when size and time still match, else read back. */
function onDisk(path: string, content: OutputContent, stamp: Stamp | undefined): Stamp | undefined {
  const now = stampOf(path)
  if (!now) return undefined
  if (sameStamp(now, stamp)) return now
  const text = contentOf(content)
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  if (bytes.length !== now.size) return undefined
  return Buffer.compare(readFileSync(path), bytes) === 0 ? now : undefined
}

/** The file's stamp when it still has the size and time `stamp` recorded; a kept file cannot be read back to compare. */
function stampIfUnchanged(path: string, stamp: Stamp | undefined): Stamp | undefined {
  const now = stampOf(path)
  return now && sameStamp(now, stamp) ? now : undefined
}

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

function stampsOf(target: string, rels: Iterable<string>): OutputStamps {
  const out: OutputStamps = new Map()
  for (const rel of rels) {
    const { size, mtimeMs } = statSync(join(target, rel))
    out.set(rel, { size, mtimeMs })
  }
  return out
}

function readManifest(target: string): Map<string, string> | undefined {
  if (!existsSync(join(target, OUTPUT_MARKER))) return undefined
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(target, OUTPUT_MANIFEST), 'utf8')) as Record<string, string>))
  } catch {
    return undefined
  }
}

function writeManifest(target: string, hashes: Map<string, string>): void {
  const raw: Record<string, string> = {}
  for (const rel of [...hashes.keys()].sort()) raw[rel] = hashes.get(rel)!
  const temp = join(target, `${OUTPUT_MANIFEST}.tmp`)
  writeFileSync(temp, `${JSON.stringify(raw, null, 0)}\n`)
  renameSync(temp, join(target, OUTPUT_MANIFEST))
}

/** True when the output folder has its manifest and every file is still as `stamps` recorded it. */
export function outputUpToDate(outDir: string, stamps: OutputStamps): boolean {
  const target = resolve(outDir)
  const manifest = readManifest(target)
  if (!manifest || manifest.size !== stamps.size) return false
  for (const rel of manifest.keys()) {
    if (!stampIfUnchanged(join(target, rel), stamps.get(rel))) return false
  }
  return true
}
