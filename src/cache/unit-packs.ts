import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import { hashOf } from './hash.js'
import { LazyPart } from './lazy-part.js'
import { PackReader, type Footer, type Range, type TextKind } from './pack-reader.js'

/** This many packs, and the next write merges all but the largest into one. */
const MAX_PACKS = 8

interface Pack {
  file: string
  keys: Set<string>
  /** Entries as values: those read so far, or every entry of a pack this process wrote. */
  values: Map<string, unknown>
  /** The file: entries not in `values` are read from it, and carried into a new pack as its bytes. */
  disk?: PackReader
}

/** An entry as a pack stores it: the value without its parts, the parts kept serialised, the parts kept as text (JSON or not). */
interface SplitEntry {
  head: unknown
  parts: Map<string, unknown>
  texts: Map<string, { kind: TextKind; content: string | Buffer }>
}

/**
 * Entries every build reads all of (the per-file units), kept on disk as a few pack files under
 * `dir/packs/` instead of one file each: one read of a pack is faster than thousands of small ones.
 *
 * An entry's LazyPart fields (see LazyPart) are stored apart and read only when asked for: parts kept
 * as JSON one by one, the others with those of the same field of every entry, all at once. The rest of
 * the entries (the heads) are serialised together. A pack takes a few serialisation buffers, not one per
 * entry: thousands of them, each freed only at a later collection, added 100 MB to the first build's peak.
 */
export class UnitPacks {
  private packs: Pack[] | undefined
  /** Files under packs/ that are not readable packs of this format (a crash's temp file, an older format). */
  private foreign: string[] = []
  private readonly pending = new Map<string, unknown>()

  constructor(private readonly dir: string) {}

  get(key: string): unknown {
    if (this.pending.has(key)) return this.pending.get(key)
    for (const pack of this.loaded()) {
      if (!pack.keys.has(key)) continue
      if (pack.values.has(key)) return pack.values.get(key)
      const value = pack.disk?.entry(key)
      if (value !== undefined) pack.values.set(key, value)
      return value
    }
    return undefined
  }

  hasPending(): boolean {
    return this.pending.size > 0
  }

  /** Held until `write`, which puts everything added since into one new pack. */
  add(key: string, value: unknown): void {
    this.pending.set(key, value)
  }

  /**
   * Writes the entries added since the last write as one pack, and drops the packs no entry of which is
   * in `used`. When most packed entries went unused, merges all used ones into the new pack. When packs
   * pile up (one per edit of another rule), merges all but the largest, which is the first build's and
   * would cost the most to write again.
   */
  write(used: ReadonlySet<string>): void {
    const packs = this.loaded()
    const usedIn = new Map(packs.map((pack) => [pack, count(pack.keys, used)]))
    const entries = packs.reduce((n, pack) => n + pack.keys.size, 0)
    const stillUsed = packs.reduce((n, pack) => n + usedIn.get(pack)!, 0)
    const largest = packs.reduce<Pack | undefined>((big, pack) => (!big || pack.keys.size > big.keys.size ? pack : big), undefined)
    const mergeAll = entries - stillUsed > stillUsed
    const mergeSmall = packs.length >= MAX_PACKS
    const kept: Pack[] = []
    const carried = new Map<string, SplitEntry>()
    for (const pack of packs) {
      const merged = mergeAll || (mergeSmall && pack !== largest)
      if (merged || usedIn.get(pack) === 0) {
        // Entries this build read may still have parts to read from the file about to go.
        if (usedIn.get(pack)! > 0) pack.disk?.pin()
        else pack.disk?.close()
        if (merged) {
          for (const key of pack.keys) {
            if (!used.has(key) || this.pending.has(key) || carried.has(key)) continue
            // From the file when it has the entry: its parts are copied as bytes, not read and written again.
            const split = (pack.disk?.keys.has(key) ? pack.disk.split(key) : undefined) ?? splitEntry(pack.values.get(key))
            if (split) carried.set(key, split)
          }
        }
        removeQuietly(pack.file)
      } else {
        kept.push(pack)
      }
    }
    for (const file of this.foreign) removeQuietly(file)
    this.foreign = []
    for (const key of [...this.pending.keys()]) if (!used.has(key)) this.pending.delete(key)
    if (this.pending.size + carried.size > 0) kept.push(this.writePack(carried))
    this.pending.clear()
    this.packs = kept
  }

  private writePack(carried: Map<string, SplitEntry>): Pack {
    const root = join(this.dir, 'packs')
    const keys = new Set([...this.pending.keys(), ...carried.keys()])
    const file = join(root, `${hashOf(...keys)}.pack`)
    const temp = `${file}.${process.pid}.tmp`
    const values = new Map(this.pending)
    try {
      mkdirSync(root, { recursive: true })
      const fd = openSync(temp, 'w')
      try {
        writeEntries(fd, [...[...this.pending].map(([key, value]) => [key, splitEntry(value)] as const), ...carried])
      } finally {
        closeSync(fd)
      }
      renameSync(temp, file)
    } catch {
      // A cache that cannot be written only costs time.
      rmSync(temp, { force: true })
    }
    // Carried entries are read back from the new file when asked for (their values were never made).
    return { file, keys, values, disk: carried.size > 0 ? PackReader.open(file) : undefined }
  }

  private loaded(): Pack[] {
    if (this.packs) return this.packs
    const root = join(this.dir, 'packs')
    this.packs = []
    for (const name of safeList(root).sort()) {
      const file = join(root, name)
      const disk = name.endsWith('.pack') ? PackReader.open(file) : undefined
      if (disk) this.packs.push({ file, keys: disk.keys, values: new Map(), disk })
      else this.foreign.push(file)
    }
    return this.packs
  }
}

/** An entry's value split as a pack stores it (see UnitPacks). */
function splitEntry(value: unknown): SplitEntry {
  const parts = new Map<string, unknown>()
  const texts: SplitEntry['texts'] = new Map()
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).some((v) => v instanceof LazyPart)) return { head: value, parts, texts }
  const head: Record<string, unknown> = {}
  for (const [field, v] of Object.entries(value)) {
    if (!(v instanceof LazyPart)) head[field] = v
    else if (v.kind === 'serialised') parts.set(field, v.get())
    else texts.set(field, { kind: v.kind, content: v.kind === 'json' ? JSON.stringify(v.get()) : String(v.get()) })
  }
  return { head, parts, texts }
}

/** Writes a pack: the JSON texts one by one, then the heads, then each field's parts, then the footer. */
function writeEntries(fd: number, entries: (readonly [string, SplitEntry])[]): void {
  const out = chunkWriter(fd)
  const footer: Footer = { format: PackReader.FORMAT, keys: entries.map(([key]) => key), heads: [0, 0], parts: {}, texts: [] }
  for (const [key, entry] of entries) for (const [field, { kind, content }] of entry.texts) footer.texts.push([key, field, ...out.add(content), kind])
  const heads = new Map<string, unknown>()
  const parts = new Map<string, Map<string, unknown>>()
  for (const [key, entry] of entries) {
    heads.set(key, entry.head)
    for (const [field, value] of entry.parts) {
      if (!parts.has(field)) parts.set(field, new Map())
      parts.get(field)!.set(key, value)
    }
  }
  footer.heads = out.add(serialize(heads))
  for (const [field, values] of parts) footer.parts[field] = { at: out.add(serialize(values)), keys: [...values.keys()] }
  const bytes = Buffer.from(JSON.stringify(footer))
  out.add(bytes)
  const length = Buffer.alloc(4)
  length.writeUInt32LE(bytes.length)
  out.add(length)
}

/**
 * Writes strings and buffers one after the other; returns each one's range. A string is written as it is:
 * joining them into larger writes made megabyte strings that stayed on the heap until a full collection,
 * 40 MB more at the first build's peak.
 */
function chunkWriter(fd: number) {
  let offset = 0
  return {
    add(chunk: string | Buffer): Range {
      const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
      const range: Range = [offset, length]
      offset += length
      if (length > 0) {
        if (typeof chunk === 'string') writeSync(fd, chunk)
        else writeSync(fd, chunk)
      }
      return range
    },
  }
}

/** A cache file that cannot be removed (another process has it open, on Windows) only costs disk space. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // Left for a later build.
  }
}

function count(keys: Iterable<string>, used: ReadonlySet<string>): number {
  let n = 0
  for (const key of keys) if (used.has(key)) n++
  return n
}

export function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
