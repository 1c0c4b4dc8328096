import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { hashOf } from '../cache/hash.js'
import { guardTarget, insideOrThrow, OUTPUT_MARKER, writeTree, type OutputFiles } from './write-tree.js'

/** Inside the output folder: what each file written there holds, so the next build rewrites only what changed. */
export const OUTPUT_MANIFEST = '.analytics-wiki-manifest'
const STAGE_PREFIX = '.analytics-wiki-stage-'

interface Written {
  hash: string
  size: number
  mtimeMs: number
}

export interface WriteReport {
  written: number
  removed: number
  unchanged: number
}

/**
 * Writes `files` into `outDir`, touching only files whose content changed and removing files an earlier
 * build wrote that are gone. Changed files are first written to a staging folder inside `outDir`, then
 * moved into place, so an interrupted build leaves every file whole (old or new). The first build, or one
 * into a folder without a manifest, writes a whole new tree and swaps it in (writeTree).
 */
export function writeChanged(outDir: string, files: OutputFiles): WriteReport {
  const target = resolve(outDir)
  guardTarget(target)
  const previous = readManifest(target)
  if (!previous) {
    writeTree(target, files)
    writeManifest(target, recordAll(target, files))
    return { written: files.size, removed: 0, unchanged: 0 }
  }
  for (const name of readdirSync(target)) if (name.startsWith(STAGE_PREFIX)) rmSync(join(target, name), { recursive: true, force: true })
  const next = new Map<string, Written>()
  const changed: [string, string | Uint8Array, string][] = []
  for (const [rel, content] of files) {
    insideOrThrow(target, rel)
    const hash = hashOf(content)
    const before = previous.get(rel)
    if (before && before.hash === hash && onDiskAsWritten(join(target, rel), before)) next.set(rel, before)
    else changed.push([rel, content, hash])
  }
  const removed = [...previous.keys()].filter((rel) => !files.has(rel))
  if (changed.length === 0 && removed.length === 0) return { written: 0, removed: 0, unchanged: files.size }
  const stage = join(target, `${STAGE_PREFIX}${process.pid}`)
  try {
    for (const [rel, content] of changed) {
      const staged = insideOrThrow(stage, rel)
      mkdirSync(dirname(staged), { recursive: true })
      writeFileSync(staged, content)
    }
    for (const [rel, , hash] of changed) {
      const full = insideOrThrow(target, rel)
      mkdirSync(dirname(full), { recursive: true })
      renameSync(insideOrThrow(stage, rel), full)
      const { size, mtimeMs } = statSync(full)
      next.set(rel, { hash, size, mtimeMs })
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
  for (const rel of removed) removeFile(target, rel)
  writeManifest(target, next)
  return { written: changed.length, removed: removed.length, unchanged: files.size - changed.length }
}

function onDiskAsWritten(path: string, before: Written): boolean {
  try {
    const { size, mtimeMs } = statSync(path)
    return size === before.size && mtimeMs === before.mtimeMs
  } catch {
    return false
  }
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

function recordAll(target: string, files: OutputFiles): Map<string, Written> {
  const out = new Map<string, Written>()
  for (const [rel, content] of files) {
    const { size, mtimeMs } = statSync(join(target, rel))
    out.set(rel, { hash: hashOf(content), size, mtimeMs })
  }
  return out
}

function readManifest(target: string): Map<string, Written> | undefined {
  if (!existsSync(join(target, OUTPUT_MARKER))) return undefined
  try {
    const raw = JSON.parse(readFileSync(join(target, OUTPUT_MANIFEST), 'utf8')) as Record<string, [string, number, number]>
    return new Map(Object.entries(raw).map(([rel, [hash, size, mtimeMs]]) => [rel, { hash, size, mtimeMs }]))
  } catch {
    return undefined
  }
}

function writeManifest(target: string, entries: Map<string, Written>): void {
  const raw: Record<string, [string, number, number]> = {}
  for (const rel of [...entries.keys()].sort()) {
    const { hash, size, mtimeMs } = entries.get(rel)!
    raw[rel] = [hash, size, mtimeMs]
  }
  const temp = join(target, `${OUTPUT_MANIFEST}.tmp`)
  writeFileSync(temp, JSON.stringify(raw))
  renameSync(temp, join(target, OUTPUT_MANIFEST))
}

/** True when every file the last build wrote is still on disk as it was written. */
export function outputUpToDate(outDir: string): boolean {
  const target = resolve(outDir)
  const manifest = readManifest(target)
  if (!manifest) return false
  for (const [rel, before] of manifest) if (!onDiskAsWritten(join(target, rel), before)) return false
  return true
}
