import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join, resolve } from 'node:path'
import type { OutputTrust } from '../write/index.js'
import { STAGE_PREFIX } from '../write/write-tree.js'

/** What one build may trust of the output folder, and how it says that it checked the rest. */
export interface OutputSnapshot extends OutputTrust {
  /** The build succeeded: every file it did not trust it has stat'ed, so the events before it are settled. */
  settle(): void
}

/**
 * Watches an output folder for changes no build of this process made, so that a watching process need not
 * stat every output file before each build (8,560 files on the full corpus): a file with no event since
 * the last successful build is as that build left it. One watcher per folder (21 on the full corpus; the
 * kernel reports changes to the files in it), not per file. Until started, after an error, or once a
 * change cannot be placed, nothing is trusted and every file is stat'ed as a new process would.
 * An event still in flight when a build starts is seen by the next build.
 */
export class OutputWatch {
  readonly root: string
  private readonly watchers = new Map<string, FSWatcher>()
  private started = false
  private rootIno: number | undefined
  private broken = false
  private generation = 0
  /** Output paths, and folders whose every file is in doubt, with an event, by the generation it came in. */
  private readonly files = new Map<string, number>()
  private readonly dirs = new Map<string, number>()

  constructor(out: string) {
    this.root = resolve(out)
  }

  /** Started, not closed, and every change since could be placed. */
  get watching(): boolean {
    return this.started && !this.broken
  }

  /**
   * Starts watching anew (the folder may have been replaced whole). Call it right after a build that
   * succeeded, which checked every file it did not trust: what changed before is then known.
   */
  restart(): void {
    this.close()
    this.broken = false
    this.files.clear()
    this.dirs.clear()
    this.started = true
    this.rootIno = inodeOf(this.root)
    this.watchFolders('')
  }

  snapshot(): OutputSnapshot {
    const generation = ++this.generation
    // The folder itself replaced or removed: its watchers watch what is gone.
    if (this.started && inodeOf(this.root) !== this.rootIno) this.broken = true
    return {
      trusts: (rel) => this.started && !this.broken && !this.files.has(rel) && !this.insideChangedDir(rel),
      settle: () => {
        for (const list of [this.files, this.dirs]) for (const [rel, seen] of list) if (seen < generation) list.delete(rel)
      },
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close()
    this.watchers.clear()
    this.started = false
  }

  /** Watches `rel` (a folder of the output) and every folder below it, except build staging folders. */
  private watchFolders(rel: string): void {
    if (this.watchers.has(rel)) return
    const full = rel === '' ? this.root : join(this.root, rel)
    try {
      const watcher = watch(full, (event, name) => this.record(rel, event, name))
      watcher.on('error', () => (this.broken = true))
      this.watchers.set(rel, watcher)
      for (const entry of readdirSync(full, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith(STAGE_PREFIX)) this.watchFolders(rel === '' ? entry.name : `${rel}/${entry.name}`)
      }
    } catch {
      // Gone, or too many watchers: trust nothing.
      this.broken = true
    }
  }

  private record(dir: string, event: string, name: string | Buffer | null): void {
    if (name === null) {
      this.broken = true
      return
    }
    const base = String(name)
    if (base.startsWith(STAGE_PREFIX)) return
    const rel = dir === '' ? base : `${dir}/${base}`
    this.files.set(rel, this.generation)
    if (event !== 'rename') return
    // A folder made or moved in: all of it is in doubt until a build has checked it, and it is watched from now on.
    let folder: boolean
    try {
      folder = statSync(join(this.root, rel)).isDirectory()
    } catch {
      // Gone: if it was a folder, its watchers watch nothing now (and one made again must be watched anew).
      this.dirs.set(rel, this.generation)
      this.forget(rel)
      return
    }
    if (!folder) return
    this.dirs.set(rel, this.generation)
    this.watchFolders(rel)
  }

  private forget(rel: string): void {
    for (const [dir, watcher] of this.watchers) {
      if (dir === rel || dir.startsWith(`${rel}/`)) {
        watcher.close()
        this.watchers.delete(dir)
      }
    }
  }

  private insideChangedDir(rel: string): boolean {
    if (this.dirs.size === 0) return false
    for (let cut = rel.lastIndexOf('/'); cut > 0; cut = rel.lastIndexOf('/', cut - 1)) if (this.dirs.has(rel.slice(0, cut))) return true
    return false
  }
}

function inodeOf(path: string): number | undefined {
  try {
    return statSync(path).ino
  } catch {
    return undefined
  }
}
