import { statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { BuildConfig } from '../config.js'
import { incrementalBuild, type IncrementalResult } from '../cache/incremental-build.js'
import { UnitStore } from '../cache/unit-store.js'
import type { FileStat } from '../cache/list-inputs.js'
import { fileStat, sameStat } from '../cache/read-inputs.js'
import { OutputWatch } from './output-watch.js'

export interface WatchOptions {
  /** The settings, read again before each build (the config file may have changed). */
  configOf: () => BuildConfig
  cacheDir: string | null
  /** Extra files whose change means a rebuild (the config file). */
  extraPaths?: string[]
  report: (line: string) => void
  /** Stops watching when aborted; without it, watching lasts until the process ends. */
  signal?: AbortSignal
  onBuild?: (result: IncrementalResult) => void
  /** Worker threads for a build with many changed files (see incrementalBuild). */
  workers?: number
  /** Quiet time after the last change before rebuilding, in ms. */
  debounceMs?: number
}

/** When a changed file is looked at again, for a write chokidar did not report (see recheck). */
const RECHECK_AFTER_MS = 100

/** A file's size, times and inode (undefined when it is gone), to tell whether it changed. */
function statOf(path: string): FileStat | undefined {
  try {
    return fileStat(statSync(path))
  } catch {
    return undefined
  }
}

/** Quiet time after a build before its state is saved for the next process. */
const SAVE_AFTER_MS = 1000

/**
 * Builds, then rebuilds whenever an input changes (chokidar), keeping finished work in memory so a
 * one-file edit costs only that file and the whole-model steps. Resolves when `signal` aborts.
 */
export async function watchBuild(options: WatchOptions): Promise<void> {
  // Its writes wait for the watcher to be idle, with the state saved then (see persist).
  const store = new UnitStore(options.cacheDir === null ? null : resolve(options.cacheDir), { deferWrites: true })
  let config = options.configOf()
  // The output folder is watched too, so a rebuild need not stat every output file (see OutputWatch).
  let outputs: OutputWatch | undefined
  // What changed since the last build started: the input files, or more than their content (a file or
  // folder added or removed, the config), when the inputs must be listed again.
  let changed = new Set<string>()
  let relist = true
  // The state for the next process is saved once the watcher has been idle a moment, not in every rebuild.
  let unsaved: (() => void) | undefined
  let saveTimer: NodeJS.Timeout | undefined
  const saveNow = () => {
    clearTimeout(saveTimer)
    const save = unsaved
    unsaved = undefined
    save?.()
  }
  const persist = (save: () => void) => {
    unsaved = () => {
      store.flush()
      save()
    }
    clearTimeout(saveTimer)
    saveTimer = setTimeout(saveNow, SAVE_AFTER_MS)
  }
  const run = async () => {
    const changedInputs = relist ? undefined : changed
    changed = new Set()
    relist = false
    try {
      config = options.configOf()
      if (outputs?.root !== resolve(config.out)) {
        outputs?.close()
        outputs = new OutputWatch(config.out)
      }
      const trust = outputs.snapshot()
      const result = await incrementalBuild(config, { cacheDir: options.cacheDir, store, report: options.report, workers: options.workers, trust, changedInputs, persist })
      trust.settle()
      // A first build swaps a whole new folder in: the watcher must watch that one.
      if (!outputs.watching || result.write?.wholeTree) outputs.restart()
      if (!config.quiet) options.report(`${result.upToDate ? 'up to date' : 'rebuilt'} in ${result.ms} ms; watching for changes…`)
      options.onBuild?.(result)
    } catch (error) {
      relist = true
      // A bad edit (unreadable config, unsafe output) must not end the watch.
      options.report(`build failed: ${(error as Error).message}`)
    }
  }
  await run()
  const { watch } = await import('chokidar')
  const out = resolve(config.out)
  const paths = [...config.rules, config.dataNeeded, config.loggingPolicies, config.enrichments, config.triggers, ...Object.values(config.converterConfigs), ...(options.extraPaths ?? [])]
  const watcher = watch(paths.filter((p): p is string => Boolean(p)), {
    ignoreInitial: true,
    ignored: (path: string) => resolve(path) === out || resolve(path).startsWith(out + sep),
  })
  // One build at a time: changes during a build schedule exactly one more.
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running) {
        again = true
        return
      }
      running = run().finally(() => {
        running = undefined
        if (again) {
          again = false
          schedule()
        }
      })
    }, options.debounceMs ?? 30)
  }
  const extra = new Set((options.extraPaths ?? []).map((path) => resolve(path)))
  watcher.on('all', (event, path) => {
    if (event === 'change' && !extra.has(resolve(path))) {
      changed.add(path)
      recheck(path)
    } else relist = true
    schedule()
  })
  // chokidar drops a file's change events within 50 ms of the last one it reported: a second write that
  // soon (an editor's save, then a formatter's) would go unseen, and the last build may have read the first.
  const recheck = (path: string) => {
    const seen = statOf(path)
    const timer = setTimeout(() => {
      rechecks.delete(timer)
      const now = statOf(path)
      if (now && seen ? sameStat(now, seen) : now === seen) return
      changed.add(path)
      schedule()
    }, RECHECK_AFTER_MS)
    rechecks.add(timer)
  }
  const rechecks = new Set<NodeJS.Timeout>()
  await new Promise<void>((done) => watcher.on('ready', done))
  await new Promise<void>((done) => {
    if (options.signal?.aborted) return done()
    options.signal?.addEventListener('abort', () => done(), { once: true })
  })
  clearTimeout(timer)
  for (const pending of rechecks) clearTimeout(pending)
  await watcher.close()
  await running
  saveNow()
  outputs?.close()
}
