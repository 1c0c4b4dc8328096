import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'

/**
 * What work kept under content keys needs of a store: a UnitStore, or a plain map in tests. `keep` marks
 * entries still needed without reading them (see UnitStore.keep).
 */
export type KeyedStore = Pick<UnitStore, 'get' | 'put'> & { keep?(keys: Iterable<string>): void }

/**
 * Finished work keyed by a content hash of everything it depends on, kept in memory for the
 * process (watch, serve) and on disk under `dir/units/` for the next process. `dir` null: memory only.
 * A missing, unreadable or foreign entry is a miss, never an error.
 */
export class UnitStore {
  private readonly memory = new Map<string, unknown>()
  private readonly used = new Set<string>()
  private written = 0

  constructor(readonly dir: string | null) {}

  get<T>(key: string): T | undefined {
    this.used.add(key)
    if (this.memory.has(key)) return this.memory.get(key) as T
    if (!this.dir) return undefined
    try {
      const value = deserialize(readFileSync(this.fileOf(key))) as { key: string; value: T }
      if (value?.key !== key) return undefined
      this.memory.set(key, value.value)
      return value.value
    } catch {
      return undefined
    }
  }

  put<T>(key: string, value: T): void {
    this.used.add(key)
    this.memory.set(key, value)
    if (!this.dir) return
    const file = this.fileOf(key)
    const temp = `${file}.${process.pid}.tmp`
    try {
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(temp, serialize({ key, value }))
      renameSync(temp, file)
      this.written++
    } catch {
      // A cache that cannot be written only costs time.
      rmSync(temp, { force: true })
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
    if (this.dir && this.written > 0) this.pruneDisk()
    this.used.clear()
    this.written = 0
  }

  private pruneDisk(): void {
    const root = join(this.dir!, 'units')
    for (const shard of safeList(root)) {
      for (const name of safeList(join(root, shard))) {
        if (!this.used.has(name)) rmSync(join(root, shard, name), { force: true })
      }
    }
  }

  private fileOf(key: string): string {
    return join(this.dir!, 'units', key.slice(0, 2), key)
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
