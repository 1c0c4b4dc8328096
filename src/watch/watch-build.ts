import { resolve, sep } from 'node:path'
import type { BuildConfig } from '../config.js'
import { incrementalBuild, type IncrementalResult } from '../cache/incremental-build.js'
import { UnitStore } from '../cache/unit-store.js'

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

/**
 * Builds, then rebuilds whenever an input changes (chokidar), keeping finished work in memory so a
 * one-file edit costs only that file and the whole-model steps. Resolves when `signal` aborts.
 */
export async function watchBuild(options: WatchOptions): Promise<void> {
  const store = new UnitStore(options.cacheDir === null ? null : resolve(options.cacheDir))
  let config = options.configOf()
  const run = async () => {
    try {
      config = options.configOf()
      const result = await incrementalBuild(config, { cacheDir: options.cacheDir, store, report: options.report, workers: options.workers })
      if (!config.quiet) options.report(`${result.upToDate ? 'up to date' : 'rebuilt'} in ${result.ms} ms; watching for changes…`)
      options.onBuild?.(result)
    } catch (error) {
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
  watcher.on('all', schedule)
  await new Promise<void>((done) => watcher.on('ready', done))
  await new Promise<void>((done) => {
    if (options.signal?.aborted) return done()
    options.signal?.addEventListener('abort', () => done(), { once: true })
  })
  clearTimeout(timer)
  await watcher.close()
  await running
}
