import { resolve } from 'node:path'
import { incrementalBuild } from '../cache/incremental-build.js'
import { DEFAULT_CONFIG_FILE } from '../config.js'
import { BUILD_OPTIONS, BUILD_OPTIONS_USAGE, buildConfigFrom } from './build-options.js'
import { CACHE_DIR_OPTIONS, cacheDirFrom } from './cache-dir-from.js'
import { UsageError, type Command } from './command.js'

export const CACHE_OPTIONS: Command['options'] = {
  ...CACHE_DIR_OPTIONS,
  workers: { type: 'string' },
}

export const CACHE_OPTIONS_USAGE = `  --cache DIR              cache folder (default: node_modules/.cache/analytics-wiki beside the
                           nearest package.json; none when there is none)
  --no-cache               build everything afresh and keep no cache
  --workers N              worker threads for the per-file work (default: none below 4 cores, else one
                           per further idle core, at most 3)`

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the wiki (Markdown cards, cross-links, HTML site) into the output folder',
  usage: `analytics-wiki build [options]\n\n${BUILD_OPTIONS_USAGE}\n${CACHE_OPTIONS_USAGE}\n  --watch                  rebuild whenever an input changes (Ctrl-C stops)\n\nExit codes: 0 built (diagnostics are printed), 1 diagnostics with --strict or a failed build, 2 usage error.`,
  options: { ...BUILD_OPTIONS, ...CACHE_OPTIONS, watch: { type: 'boolean' } },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const config = buildConfigFrom(values, io.cwd)
    const report = (line: string) => io.stderr(`${line}\n`)
    const cacheDir = cacheDirFrom(values, io.cwd)
    if (values.watch === true) {
      const { watchBuild } = await import('../watch/watch-build.js')
      await watchBuild({ configOf: () => buildConfigFrom(values, io.cwd), cacheDir, report, extraPaths: [configFileOf(values, io.cwd)], workers: workersFrom(values), signal: interrupted() })
      return 0
    }
    return (await incrementalBuild(config, { cacheDir, report, workers: workersFrom(values) })).exitCode
  },
}

export function workersFrom(values: Record<string, unknown>): number | undefined {
  if (values.workers === undefined) return undefined
  const n = Number(values.workers)
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new UsageError(`--workers expects a number from 0 to 16, got '${String(values.workers)}'`)
  return n
}

export function configFileOf(values: Record<string, unknown>, cwd: string): string {
  return resolve(cwd, typeof values.config === 'string' ? values.config : DEFAULT_CONFIG_FILE)
}

/** Aborts on Ctrl-C or SIGTERM, so watching ends cleanly. */
export function interrupted(): AbortSignal {
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return controller.signal
}
