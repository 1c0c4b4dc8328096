import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { hashOf } from './hash.js'

/** Bump when the pack file's shape changes. */
const FORMAT = 'unit-pack-1'
/** This many packs, and the next write merges all but the largest into one. */
const MAX_PACKS = 8

interface Pack {
  file: string
  entries: Map<string, unknown>
}

/**
 * Entries every build reads all of (the per-file units), kept on disk as a few pack files under
 * `dir/packs/` instead of one file each. One serialisation per pack, not one per entry: thousands of
 * small serialisation buffers, each freed only at the next collection, left 100 MB of the first build's
 * memory behind on the corpus; and one read of a pack is faster than thousands of small ones.
 */
export class UnitPacks {
  private packs: Pack[] | undefined
  /** Files under packs/ that are not readable packs of this format (a crash's temp file, an older format). */
  private foreign: string[] = []
  private readonly pending = new Map<string, unknown>()

  constructor(private readonly dir: string) {}

  get(key: string): unknown {
    if (this.pending.has(key)) return this.pending.get(key)
    for (const pack of this.loaded()) if (pack.entries.has(key)) return pack.entries.get(key)
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
    const usedIn = new Map(packs.map((pack) => [pack, count(pack.entries.keys(), used)]))
    const entries = packs.reduce((n, pack) => n + pack.entries.size, 0)
    const stillUsed = packs.reduce((n, pack) => n + usedIn.get(pack)!, 0)
    const largest = packs.reduce<Pack | undefined>((big, pack) => (!big || pack.entries.size > big.entries.size ? pack : big), undefined)
    const mergeAll = entries - stillUsed > stillUsed
    const mergeSmall = packs.length >= MAX_PACKS
    const kept: Pack[] = []
    for (const pack of packs) {
      const merged = mergeAll || (mergeSmall && pack !== largest)
      if (merged || usedIn.get(pack) === 0) {
        if (merged) for (const [key, value] of pack.entries) if (used.has(key) && !this.pending.has(key)) this.pending.set(key, value)
        rmSync(pack.file, { force: true })
      } else {
        kept.push(pack)
      }
    }
    for (const file of this.foreign) rmSync(file, { force: true })
    this.foreign = []
    for (const key of [...this.pending.keys()]) if (!used.has(key)) this.pending.delete(key)
    if (this.pending.size > 0) kept.push(this.writePack(new Map(this.pending)))
    this.pending.clear()
    this.packs = kept
  }

  private writePack(entries: Map<string, unknown>): Pack {
    const root = join(this.dir, 'packs')
    const file = join(root, `${hashOf(...entries.keys())}.pack`)
    const temp = `${file}.${process.pid}.tmp`
    try {
      mkdirSync(root, { recursive: true })
      writeFileSync(temp, serialize({ format: FORMAT, entries }))
      renameSync(temp, file)
    } catch {
      // A cache that cannot be written only costs time.
      rmSync(temp, { force: true })
    }
    return { file, entries }
  }

  private loaded(): Pack[] {
    if (this.packs) return this.packs
    const root = join(this.dir, 'packs')
    this.packs = []
    for (const name of safeList(root).sort()) {
      const file = join(root, name)
      const entries = name.endsWith('.pack') ? readPack(file) : undefined
      if (entries) this.packs.push({ file, entries })
      else this.foreign.push(file)
    }
    return this.packs
  }
}

/** A pack's entries; undefined when the file is unreadable or not a pack of this format (each entry a miss). */
function readPack(file: string): Map<string, unknown> | undefined {
  try {
    const saved = deserialize(readFileSync(file)) as { format?: unknown; entries?: unknown }
    return saved?.format === FORMAT && saved.entries instanceof Map ? (saved.entries as Map<string, unknown>) : undefined
  } catch {
    return undefined
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
