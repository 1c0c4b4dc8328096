import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { hashOfEncoded } from '../cache/hash.js'
import { contentOf, DeferredText, type OutputContent } from './deferred-text.js'
import { removeLeftovers } from './remove-leftovers.js'
import { guardTarget, insideOrThrow, markTree, OUTPUT_MARKER, siblingOf, STAGE_PREFIX } from './write-tree.js'

/** Inside the output folder: the content hash of each file a build wrote there (deterministic: no times). */
export const OUTPUT_MANIFEST = '.analytics-wiki-manifest'

/** Size and modification time of each output file as last written: lets a later build skip reading it back. */
export type Stamp = { size: number; mtimeMs: number }
export type OutputStamps = Map<string, Stamp>

/**
 * Where one build puts the files it writes before they replace the output folder's: inside the folder
 * when an earlier build left its manifest (changed files move in one by one), else a new tree beside it
 * that is swapped in whole. A file can be staged while the build is still running (`put`), so the build
 * need not hold its text until the write step; nothing in the output folder changes before the commit
 * (see writeChanged), and `discard` leaves it as it was.
 */
export class OutputStage {
  readonly target: string
  /** The last build's manifest (output path → content hash); undefined for a folder no build has written. */
  readonly previous: ReadonlyMap<string, string> | undefined
  private folder: string | undefined
  private readonly staged = new Map<string, DeferredText>()
  /** Folders made in the staging folder. */
  private readonly made = new Set<string>()
  private committed = false

  private readonly trust: OutputTrust | undefined

  /**
   * `known`: what the caller knows of the folder. A process that watches it knows which files are as its
   * last build left them (see OutputTrust): those are taken to hold their stamps without being stat'ed.
   * `manifest` is the folder's manifest as the caller last wrote or read it (while `trust`, if given,
   * vouches for it), so it is not read again.
   */
  constructor(
    outDir: string,
    readonly stamps: OutputStamps = new Map(),
    known?: { trust?: OutputTrust; manifest?: ReadonlyMap<string, string> },
  ) {
    this.target = resolve(outDir)
    guardTarget(this.target)
    this.trust = known?.trust
    this.previous = known?.manifest && (!known.trust || known.trust.trusts(OUTPUT_MANIFEST)) ? known.manifest : readManifest(this.target)
    // Left by a build that was killed before it could clean up.
    removeLeftovers(this.target, this.previous !== undefined)
  }

  /** True when the output folder is replaced whole (no earlier build's manifest in it). */
  get wholeTree(): boolean {
    return this.previous === undefined
  }

  /** The staging folder, made on first use. */
  dir(): string {
    if (this.folder === undefined) {
      const folder = this.wholeTree ? siblingOf(this.target, 'tmp') : join(this.target, `${STAGE_PREFIX}${process.pid}`)
      rmSync(folder, { recursive: true, force: true })
      mkdirSync(folder, { recursive: true })
      if (this.wholeTree) markTree(folder)
      this.folder = folder
    }
    return this.folder
  }

  /**
   * Hands `text` (output path `rel`) to the stage now and returns what stands for it in the build's files:
   * its hash, and its text read back only if someone asks. A file the folder already holds is not written.
   * `known` is the text's hash when it is known, with its UTF-8 bytes when those are at hand too.
   */
  put(rel: string, text: string, known?: { hash: string; bytes?: Uint8Array }): DeferredText {
    const { hash, bytes } = known === undefined ? hashOfEncoded(text) : { hash: known.hash, bytes: known.bytes ?? text }
    const full = outputPath(this.target, rel)
    if (this.previous?.get(rel) === hash && this.onDisk(rel, bytes)) return new DeferredText(hash, () => readFileSync(full, 'utf8'))
    const staged = this.write(rel, bytes)
    const handle = new DeferredText(hash, () => readFileSync(this.committed ? full : staged, 'utf8'))
    this.staged.set(rel, handle)
    return handle
  }

  /** The stamp of output `rel` when the folder holds `content` there (see onDisk); trusted ones are not stat'ed. */
  onDisk(rel: string, content: OutputContent): Stamp | undefined {
    return trustedStamp(this.stamps, this.trust, rel) ?? onDisk(outputPath(this.target, rel), content, this.stamps.get(rel))
  }

  /** The stamp of output `rel` when it still has the one the last build recorded (a kept file cannot be compared). */
  unchanged(rel: string): Stamp | undefined {
    return trustedStamp(this.stamps, this.trust, rel) ?? stampIfUnchanged(outputPath(this.target, rel), this.stamps.get(rel))
  }

  /** Writes `content` as `rel` in the staging folder (its folders made once each); returns where. */
  write(rel: string, content: string | Uint8Array): string {
    const staged = outputPath(this.dir(), rel)
    const dir = dirname(staged)
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      this.made.add(dir)
    }
    writeFileSync(staged, content)
    return staged
  }

  /** True when `content` is what `put` staged for `rel` (already in the staging folder). */
  holds(rel: string, content: unknown): boolean {
    return this.staged.get(rel) === content
  }

  /** Moves the staged files `rels` into the output folder, each over the file it replaces, and commits. */
  moveIn(rels: Iterable<string>): void {
    for (const rel of rels) {
      const full = insideOrThrow(this.target, rel)
      mkdirSync(dirname(full), { recursive: true })
      renameSync(insideOrThrow(this.dir(), rel), full)
    }
    this.markCommitted()
  }

  /** The staging folder is gone (moved in, or swapped in whole): staged texts now read from the output folder. */
  markCommitted(): void {
    // A whole tree became the output folder; a staging folder inside it is left empty by the moves.
    if (this.folder !== undefined && !this.wholeTree) rmSync(this.folder, { recursive: true, force: true })
    this.committed = true
    this.folder = undefined
    this.made.clear()
  }

  /** Removes everything staged; the output folder stays as it was. */
  discard(): void {
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true })
    this.folder = undefined
    this.staged.clear()
    this.made.clear()
  }
}

/**
 * Output files a process knows to be as its last build left them without looking (it watches the folder):
 * those need not be stat'ed. A new process trusts none.
 */
export interface OutputTrust {
  trusts(rel: string): boolean
}

/** Where `rel` goes inside `target`; refuses a path that would leave it (see insideOrThrow). */
export function outputPath(target: string, rel: string): string {
  return plainRelative(rel) ? `${target}${sep}${rel}` : insideOrThrow(target, rel)
}

/** A relative path that cannot leave its folder, told without path resolution (the common case, cheap). */
function plainRelative(rel: string): boolean {
  if (sep !== '/' || rel === '' || rel.startsWith('/') || rel.includes('\0') || rel.includes('\\')) return false
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

/** The file's size and time now; undefined when it is gone. */
export function stampOf(path: string): Stamp | undefined {
  try {
    const { size, mtimeMs } = statSync(path)
    return { size, mtimeMs }
  } catch {
    return undefined
  }
}

export function sameStamp(a: Stamp, b: Stamp | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs
}

/** The stamps of output files `rels` as they are now in `target` (each must exist). */
export function stampsOf(target: string, rels: Iterable<string>): OutputStamps {
  const out: OutputStamps = new Map()
  for (const rel of rels) {
    const { size, mtimeMs } = statSync(join(target, rel))
    out.set(rel, { size, mtimeMs })
  }
  return out
}

/** The file's stamp when it still has the size and time `stamp` recorded; a kept file cannot be read back to compare. */
export function stampIfUnchanged(path: string, stamp: Stamp | undefined): Stamp | undefined {
  const now = stampOf(path)
  return now && sameStamp(now, stamp) ? now : undefined
}

/** The stamp recorded for output `rel` when `trust` vouches for the file (it need not be stat'ed). */
export function trustedStamp(stamps: OutputStamps, trust: OutputTrust | undefined, rel: string): Stamp | undefined {
  const stamp = stamps.get(rel)
  return stamp !== undefined && trust?.trusts(rel) ? stamp : undefined
}

/**
 * The file's stamp when it holds `content`: trusted from `stamp` when size and time still match, else read
 * back (a deferred text is read only then).
 */
export function onDisk(path: string, content: OutputContent, stamp: Stamp | undefined): Stamp | undefined {
  const now = stampOf(path)
  if (!now) return undefined
  if (sameStamp(now, stamp)) return now
  const text = contentOf(content)
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  if (bytes.length !== now.size) return undefined
  return Buffer.compare(readFileSync(path), bytes) === 0 ? now : undefined
}

export function readManifest(target: string): Map<string, string> | undefined {
  if (!existsSync(join(target, OUTPUT_MARKER))) return undefined
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(target, OUTPUT_MANIFEST), 'utf8')) as Record<string, string>))
  } catch {
    return undefined
  }
}
