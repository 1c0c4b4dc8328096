import { resolve } from 'node:path'
import type { BuildConfig } from '../config.js'
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js'
import { createProgress } from '../progress.js'
import { outputUpToDate, writeChanged, type WriteReport } from '../write/index.js'
import type { CacheStats } from './cached-build.js'
import { converterFingerprint } from './converter-fingerprint.js'
import { quickKey, readBuildState, writeBuildState } from './build-state.js'
import { toolFingerprint } from './tool-fingerprint.js'
import { UnitStore } from './unit-store.js'

/** The default cache folder, as other JS tools keep theirs. */
export function defaultCacheDir(cwd: string): string {
  return resolve(cwd, 'node_modules/.cache/analytics-wiki')
}

export interface IncrementalOptions {
  /** Cache folder; null for no disk cache (`--no-cache`). */
  cacheDir: string | null
  /** Kept across builds by watch and serve, so unchanged work stays in memory. */
  store?: UnitStore
  report?: (line: string) => void
}

export interface IncrementalResult {
  exitCode: number
  /** Nothing changed since the last build of this output folder: nothing was built or written. */
  upToDate: boolean
  diagnostics: Diagnostic[]
  fileCount: number
  write?: WriteReport
  cache?: CacheStats
  ms: number
}

/**
 * `analytics-wiki build` with a cache: returns at once when no input, setting or tool file changed and the
 * output folder is as the last build left it; otherwise builds reusing cached work and rewrites only the
 * output files whose content changed.
 */
export async function incrementalBuild(config: BuildConfig, options: IncrementalOptions): Promise<IncrementalResult> {
  const start = performance.now()
  const report = options.report ?? ((line: string) => process.stderr.write(`${line}\n`))
  const progress = createProgress({ quiet: config.quiet })
  const store = options.store ?? new UnitStore(options.cacheDir === null ? null : resolve(options.cacheDir))
  const tool = toolFingerprint()
  const key = options.cacheDir === null ? undefined : quickKey(config, tool, converterFingerprint(config))
  const state = options.cacheDir !== null ? readBuildState(options.cacheDir, config.out) : undefined
  let result: Omit<IncrementalResult, 'exitCode' | 'ms'>
  if (key && state?.key === key && outputUpToDate(config.out)) {
    result = { upToDate: true, diagnostics: state.diagnostics, fileCount: state.fileCount }
  } else {
    // Loaded only when something changed: an up-to-date check needs none of the build's modules.
    const { buildCached } = await import('./cached-build.js')
    const built = buildCached(config, { store, tool }, progress)
    const write = progress.task(`write ${built.files.size} files`, () => writeChanged(config.out, built.files))
    store.endBuild()
    if (key && options.cacheDir !== null) writeBuildState(options.cacheDir, config.out, { key, diagnostics: built.diagnostics, fileCount: built.files.size })
    result = { upToDate: false, diagnostics: built.diagnostics, fileCount: built.files.size, write, cache: built.cache }
  }
  for (const d of result.diagnostics) report(formatDiagnostic(d))
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length
  const ms = Math.round(performance.now() - start)
  const what = result.upToDate ? 'up to date' : `${result.write!.written} written, ${result.write!.removed} removed, ${result.cache!.reused}/${result.cache!.units} cached`
  progress.done(`built ${result.fileCount} files into ${config.out} in ${ms} ms (${what}; ${errors} errors, ${warnings} warnings)`)
  return { ...result, exitCode: config.strict && errors + warnings > 0 ? 1 : 0, ms }
}
