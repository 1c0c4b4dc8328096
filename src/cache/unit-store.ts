import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { safeList, UnitPacks } from './unit-packs.js'

/**
 * What work kept under content keys needs of a store: a UnitStore, or a plain map in tests. `keep` marks
 * entries still needed without reading them (see UnitStore.keep).
 */
export type KeyedStore = Pick<UnitStore, 'get' | 'put'> & { keep?(keys: Iterable<string>): void }

// An entry written as JSON starts with `{`; one written by v8.serialize, with its version tag 0xFF.
const JSON_START = 0x7b

export interface UnitStoreOptions {
  /**
   * Keep entries in memory as well as on disk (default true): for a process that builds again (watch,
   * serve). A one-shot build reads each entry at most once, so holding them would only raise its peak
   * (by about 20 MB on the corpus: the page contents and table chunks it writes for the next process).
   */
  retain?: boolean
  /**
   * Read and write the per-file units' packs (default true). A build that reads only entries kept one file
   * each (a card-only edit's converter configurations) need not open the packs at all.
   */
  packs?: boolean
  /**
   * Write to disk only on `flush()`, not in `put` and `endBuild` (default false; entries are then kept in
   * memory): a watching process flushes once idle (see watchBuild), so a rebuild does not wait on writes
   * that only the next process reads (66 ms of a title edit's 770 on the corpus).
   */
  deferWrites?: boolean
}

/**
 * Finished work keyed by a content hash of everything it depends on, kept in memory for the
 * process (watch, serve) and on disk for the next process: per-file units in packs (`putPacked`, see
 * UnitPacks), everything else one file each under `dir/units/`. `dir` null: memory only.
 * A missing, unreadable or foreign entry is a miss, never an error.
 */
export class UnitStore {
  private readonly memory = new Map<string, unknown>()
  private readonly used = new Set<string>()
  private readonly retain: boolean
  private readonly packs: UnitPacks | undefined
  private written = 0
  /** With deferWrites: entries put and not written yet (key → written as JSON). */
  private readonly unwritten: Map<string, boolean> | undefined
  /** With deferWrites: the entries the last build used, once it ended and until the flush after it. */
  private usedByLastBuild: Set<string> | undefined

  constructor(
    readonly dir: string | null,
    options: UnitStoreOptions = {},
  ) {
    this.retain = dir === null || options.retain !== false || options.deferWrites === true
    this.unwritten = dir !== null && options.deferWrites ? new Map() : undefined
    this.packs = dir === null || options.packs === false ? undefined : new UnitPacks(dir)
  }

  get<T>(key: string): T | undefined {
    this.used.add(key)
    if (this.memory.has(key)) return this.memory.get(key) as T
    if (!this.dir) return undefined
    const packed = this.packs?.get(key)
    if (packed !== undefined) return packed as T
    try {
      const bytes = readFileSync(this.fileOf(key))
      const value = (bytes[0] === JSON_START ? JSON.parse(bytes.toString('utf8')) : deserialize(bytes)) as { key: string; value: T }
      if (value?.key !== key) return undefined
      if (this.retain) this.memory.set(key, value.value)
      return value.value
    } catch {
      return undefined
    }
  }

  /**
   * Keeps `value` under `key`. `json`: the value is plain JSON data (no Map, Set, Date or undefined in a
   * list); it is then written as JSON text, which Node writes without a buffer of its own. A build writes
   * thousands of page contents and table chunks, and one serialisation buffer each, freed only at a later
   * collection, left tens of MB of the build's peak memory behind.
   */
  put<T>(key: string, value: T, json = false): void {
    this.used.add(key)
    if (this.retain) this.memory.set(key, value)
    if (!this.dir) return
    if (this.unwritten) {
      this.unwritten.set(key, json)
      this.written++
      return
    }
    this.write(key, value, json)
  }

  private write(key: string, value: unknown, json: boolean): void {
    const file = this.fileOf(key)
    const temp = `${file}.${process.pid}.tmp`
    try {
      const content = json ? JSON.stringify({ key, value }) : serialize({ key, value })
      try {
        writeFileSync(temp, content)
      } catch (error) {
        // The shard's folder is made on its first entry only: a mkdir per entry cost 0.1 s of a first build.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        mkdirSync(join(file, '..'), { recursive: true })
        writeFileSync(temp, content)
      }
      renameSync(temp, file)
      if (!this.unwritten) this.written++
    } catch {
      // A cache that cannot be written only costs time.
      rmSync(temp, { force: true })
    }
  }

  /** Like `put`, for an entry every build reads (a per-file unit): kept on disk in a pack (see UnitPacks). */
  putPacked<T>(key: string, value: T): void {
    this.used.add(key)
    if (this.retain) this.memory.set(key, value)
    if (!this.packs) return
    this.packs.add(key, value)
    this.written++
  }

  /**
   * Writes the packed entries put since the last call, and drops packs of entries this build did not use.
   * Call once the build has asked for every unit: sooner than `endBuild`, the pack's serialisation buffer
   * does not add to the memory peak of the steps after.
   */
  savePacked(): void {
    if (!this.unwritten && this.packs?.hasPending()) this.packs.write(this.used)
  }

  /** With deferWrites: writes what the builds since the last flush put, and drops what the last one did not use. */
  flush(): void {
    if (!this.unwritten) return
    for (const [key, json] of this.unwritten) if (this.memory.has(key)) this.write(key, this.memory.get(key), json)
    this.unwritten.clear()
    const used = this.usedByLastBuild
    this.usedByLastBuild = undefined
    if (used) {
      if (this.packs?.hasPending()) this.packs.write(used)
      this.pruneDisk(used)
    }
  }

  /** Marks entries as used by this build without reading them (work it kept whole still needs them later). */
  keep(keys: Iterable<string>): void {
    for (const key of keys) this.used.add(key)
  }

  /** Entries written since the last `endBuild`. */
  get writes(): number {
    return this.written
  }

  /** Drops entries (memory and disk) that the build just finished did not use, when it wrote new ones. */
  endBuild(): void {
    for (const key of [...this.memory.keys()]) if (!this.used.has(key)) this.memory.delete(key)
    if (this.unwritten) {
      for (const key of this.unwritten.keys()) if (!this.used.has(key)) this.unwritten.delete(key)
      // What to keep on disk is decided at the flush, by the last build before it (as a build that wrote
      // nothing decides nothing, unless a build that did waits to be flushed).
      if (this.written > 0 || this.usedByLastBuild) this.usedByLastBuild = new Set(this.used)
    } else if (this.dir && this.written > 0) {
      this.savePacked()
      this.pruneDisk(this.used)
    }
    this.used.clear()
    this.written = 0
  }

  private pruneDisk(used: ReadonlySet<string>): void {
    const root = join(this.dir!, 'units')
    for (const shard of safeList(root)) {
      for (const name of safeList(join(root, shard))) {
        if (!used.has(name)) rmSync(join(root, shard, name), { force: true })
      }
    }
  }

  private fileOf(key: string): string {
    return join(this.dir!, 'units', key.slice(0, 2), key)
  }
}

