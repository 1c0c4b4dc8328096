import { readFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { saveCacheFile } from '../cache/save-cache-file.js'

/** Bump when what is kept per file changes shape. */
const FORMAT = 'check-references-1'

/**
 * What the reference files (see readReferenceFile) parsed to, kept between `check` runs: by path, with the
 * content hash of the text it was parsed from, so an edited file is parsed again. Checking one rule of the
 * corpus parsed the other 3,000 rules again each time (1 of its 1.7 s). Kept for one `tool` (see
 * toolFingerprint): another version of the reader may read a text otherwise.
 */
export class ReferenceValues {
  private entries = new Map<string, { hash: string; values: unknown[] }>()
  /** Paths asked for since `load`: what `save` keeps (a renamed or removed file's entry goes). */
  private readonly used = new Set<string>()
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly tool: string,
  ) {}

  /** The values kept for `path` when its text still has content hash `hash`. */
  get(path: string, hash: string): unknown[] | undefined {
    this.used.add(path)
    const entry = this.entries.get(path)
    return entry?.hash === hash ? entry.values : undefined
  }

  set(path: string, hash: string, values: unknown[]): void {
    this.used.add(path)
    this.entries.set(path, { hash, values })
    this.changed = true
  }

  /** What `save` wrote to `file` for the same tool; empty when there is none or it cannot be read. */
  static load(file: string, tool: string): ReferenceValues {
    const kept = new ReferenceValues(file, tool)
    try {
      const saved = deserialize(readFileSync(file)) as { format: string; tool: string; entries: ReferenceValues['entries'] }
      if (saved.format === FORMAT && saved.tool === tool && saved.entries instanceof Map) kept.entries = saved.entries
    } catch {
      // None yet: every reference file is parsed.
    }
    return kept
  }

  /** Writes the entries asked for since `load` to its file, when they are not what it holds already. */
  save(): void {
    for (const path of this.entries.keys()) {
      if (this.used.has(path)) continue
      this.entries.delete(path)
      this.changed = true
    }
    if (this.changed && saveCacheFile(this.file, serialize({ format: FORMAT, tool: this.tool, entries: this.entries }))) this.changed = false
  }
}
