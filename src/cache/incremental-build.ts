import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BuildConfig } from '../config.js'
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js'
import { createProgress } from '../progress.js'
import { OUTPUT_MANIFEST, OutputStage, outputUpToDate, writeChanged, type HashMemo, type OutputTrust, type WriteReport } from '../write/index.js'
import type { BuildResult } from '../build.js'
import type { CacheStats } from './cached-build.js'
import { converterFingerprint } from './converter-fingerprint.js'
import { cardIndexFile, knownInputsFile, pageMemoFile, quickKey, racyHashes, racyUnchanged, readBuildState, writeBuildState, type BuildState } from './build-state.js'
import { toolFingerprintIn } from './tool-fingerprint.js'
import { listInputs, relisted, type ListedInputs } from './list-inputs.js'
import { UnitStore } from './unit-store.js'
import { knownInputsOf, readKnownInputs, writeKnownInputs, type KnownInputs } from './read-inputs.js'
import { addStalePages, PageMemo } from '../site/page-memo.js'
import { pageMemoOf, processMemory, rememberBuild } from './process-memory.js'

export interface IncrementalOptions {
  /** Cache folder; null for no disk cache (`--no-cache`). */
  cacheDir: string | null
  /** Kept across builds by watch and serve, so unchanged work stays in memory. */
  store?: UnitStore
  report?: (line: string) => void
  /** Worker threads for the per-file work (default: defaultWorkers, none below 4 cores; 0: none). */
  workers?: number
  /**
   * Output files a watching process knows to be as its last build (with `store`) left them: not stat'ed,
   * and the manifest that build wrote is not read back while trusted (see OutputWatch).
   */
  trust?: OutputTrust
  /**
   * Input files a watching process saw change since the last build with `store` (none added or removed,
   * no setting changed): the last build's listing is reused and only these are stat'ed again.
   */
  changedInputs?: ReadonlySet<string>
  /**
   * Runs what keeps this build's state for the next process (the build state, what it read of the inputs,
   * the page memo): a watching process defers it to when it is idle, and keeps that state in memory
   * meanwhile. Default: at once.
   */
  persist?: (save: () => void) => void
}

export interface IncrementalResult {
  exitCode: number
  /** Nothing changed since the last build of this output folder: nothing was built or written. */
  upToDate: boolean
  /** Only rules' own cards and site pages changed, and only those were made (see cardOnlyBuild). */
  cardOnly?: boolean
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
  // A one-shot build reads each entry once: holding what it writes for the next process would only raise its peak.
  const store = options.store ?? new UnitStore(options.cacheDir === null ? null : resolve(options.cacheDir), { retain: false })
  const tool = toolFingerprintIn(options.cacheDir)
  // Listed once: the up-to-date check stats every input, and a build reads them after.
  const memory = options.store && processMemory(options.store)
  const last = memory && options.changedInputs ? memory.listing : undefined
  const listed = (last && relisted(last, options.changedInputs!)) ?? (options.cacheDir === null && !options.store ? undefined : listInputs(config))
  if (memory && listed) memory.listing = listed
  // The converter configs' files are read once: the up-to-date check, the card-only check and the index use it.
  const convertKey = options.cacheDir === null ? '' : converterFingerprint(config)
  const quick = listed === undefined || options.cacheDir === null ? undefined : quickKey(config, tool, convertKey, listed)
  const stateOf = (cacheDir: string) => {
    const kept = memory?.state
    return kept && kept.cacheDir === cacheDir && kept.out === config.out ? kept.state : readBuildState(cacheDir, config.out)
  }
  const state = options.cacheDir !== null ? stateOf(options.cacheDir) : undefined
  // What the last build knew of the inputs, read once whether the card-only check or a full build asks first.
  const knownFile = options.cacheDir === null ? undefined : knownInputsFile(options.cacheDir, config.out)
  let saved: { known: KnownInputs | undefined } | undefined
  const savedKnown = () => (saved ??= { known: knownFile === undefined ? undefined : readKnownInputs(knownFile) }).known
  let result: Omit<IncrementalResult, 'exitCode' | 'ms'>
  let edited: Omit<IncrementalResult, 'exitCode' | 'ms'> | undefined
  if (quick && state?.key === quick.key && racyUnchanged(state.racy) && outputUpToDate(config.out, state.stamps, options.trust)) {
    result = { upToDate: true, diagnostics: state.diagnostics, fileCount: state.fileCount }
  } else if (quick && state && listed && options.cacheDir !== null && (edited = await cardOnly(config, options, options.cacheDir, { tool, convertKey }, listed, quick, state, savedKnown))) {
    result = edited
  } else {
    // Loaded only when something changed: an up-to-date check needs none of the build's modules.
    const { prepareCached } = await import('./cached-build.js')
    const { bundledCatalogue } = await import('./bundled-catalogue.js')
    const { cardContextKey, cardEditIndex, writeCardEditIndex } = await import('./card-edit.js')
    const cacheIndex = options.cacheDir === null ? undefined : cardIndexFile(options.cacheDir, config.out)
    const { prefillUnits, defaultWorkers } = await import('./prefill-units.js')
    const { assemble } = await import('../build.js')
    const catalogue = bundledCatalogue()
    const workers = options.workers ?? defaultWorkers()
    // Inputs the last build read, with their stamps then: those unchanged are read only if a page needs them.
    // A process that built before knows every unchanged input by its stamp already (see readInputs).
    const known = memory?.state ? undefined : savedKnown()
    const { read, units, fresh } = await prefillUnits(config, { store, tool, catalogue, workers, listed, known }, progress)
    const { assembly, cache } = prepareCached(config, { store, tool, catalogue, read, units, fresh }, progress)
    store.savePacked()
    // A one-shot build without a disk cache would only hash and hold every page for nothing.
    const keepsPages = options.cacheDir !== null || options.store !== undefined
    const memoFile = options.cacheDir === null ? undefined : pageMemoFile(options.cacheDir, config.out)
    const memo = !keepsPages ? undefined : memory ? pageMemoOf(memory, memoFile) : PageMemo.load(memoFile!)
    const stamps = state?.stamps ?? memory?.stamps
    // Kept by a watching process; a new process starts from the hashes the cards came with from the cache.
    const hashMemo: HashMemo = memory?.hashes ?? new Map()
    // Each attempt adds its own diagnostics to a copy of the per-file ones, and stages its site pages as it
    // makes them: a one-shot build then never holds the site's HTML (about half the output) all at once.
    const attempt = (pageMemo: PageMemo | undefined) => {
      const pageCache = keepsPages && assembly.pageCache ? { ...assembly.pageCache, memo: pageMemo } : undefined
      const manifest = memory?.manifest
      const stage = new OutputStage(config.out, stamps, options.trust && { trust: options.trust, manifest })
      let built: BuildResult
      try {
        built = assemble({ ...assembly, diagnostics: [...assembly.diagnostics], pageCache, outputHashes: hashMemo, stage }, progress)
      } catch (error) {
        stage.discard()
        throw error
      }
      const write = progress.task(`write ${built.files.size} files`, () => writeChanged(config.out, built.files, stamps, hashMemo, built.kept, stage))
      return { built, write }
    }
    // An output folder without its manifest (a fresh checkout with a restored cache) holds none of the kept pages.
    if (memo && !existsSync(join(config.out, OUTPUT_MANIFEST))) memo.clear()
    let { built, write } = attempt(memo)
    if (write.lost) {
      // Pages the memo kept are not on disk as the last build left them: make every page.
      memo!.clear()
      ;({ built, write } = attempt(memo))
    }
    const fileCount = built.files.size + (built.kept?.size ?? 0)
    store.endBuild()
    const saves: (() => void)[] = []
    const cardIndex = cacheIndex && quick && listed && write.manifest ? cardEditIndex(cardContextKey(config, tool, convertKey, listed), built, write.manifest, config.site) : undefined
    if (cacheIndex && cardIndex) saves.push(() => writeCardEditIndex(cacheIndex, cardIndex))
    if (memo && memoFile) saves.push(() => memo.save(memoFile))
    // Without a trusted key the state still keeps the stamps, so the next build need not read outputs back.
    const { cacheDir } = options
    let remembered: Parameters<typeof rememberBuild>[1] = { stamps: write.stamps, manifest: write.manifest }
    if (cacheDir !== null) {
      // Usually no input is racy: the few that are are looked up among the texts the build read.
      const racy = quick ? racyHashes(quick.racy, (path) => read.texts[read.files.findIndex((file) => file.path === path)]?.hash) : undefined
      const next = { key: quick && racy ? quick.key : '', racy, diagnostics: built.diagnostics, fileCount, stamps: write.stamps }
      remembered = { ...remembered, state: { cacheDir, out: config.out, state: next } }
      saves.push(() => writeBuildState(cacheDir, config.out, next))
      if (quick && knownFile) {
        const knownNow = knownInputsOf(read, listed?.stats, quick.racy)
        saves.push(() => writeKnownInputs(knownFile, knownNow))
        if (cardIndex) remembered = { ...remembered, cardInputs: { index: cardIndex, known: knownNow } }
      }
    }
    if (memory) rememberBuild(memory, remembered)
    const save = () => {
      for (const run of saves) run()
    }
    if (options.persist) options.persist(save)
    else save()
    result = { upToDate: false, diagnostics: built.diagnostics, fileCount, write, cache }
  }
  for (const d of result.diagnostics) report(formatDiagnostic(d))
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length
  const ms = Math.round(performance.now() - start)
  const what = result.upToDate ? 'up to date' : `${result.cardOnly ? 'only cards edited: ' : ''}${result.write!.written} written, ${result.write!.removed} removed, ${result.cache!.reused}/${result.cache!.units} cached`
  progress.done(`built ${result.fileCount} files into ${config.out} in ${ms} ms (${what}; ${errors} errors, ${warnings} warnings)`)
  return { ...result, exitCode: config.strict && errors + warnings > 0 ? 1 : 0, ms }
}

/**
 * A build of edits only the edited rules' own cards and site pages show (see cardOnlyBuild), keeping what it
 * leaves as a full build does: in memory for a watching process (saved once idle), on disk otherwise.
 */
async function cardOnly(config: BuildConfig, options: IncrementalOptions, cacheDir: string, keys: { tool: string; convertKey: string }, listed: ListedInputs, quick: { key: string; racy: string[] }, state: BuildState, savedKnown: () => KnownInputs | undefined): Promise<Omit<IncrementalResult, 'exitCode' | 'ms'> | undefined> {
  const { cardOnlyBuild, savedCardOnlyInput } = await import('./card-edit-build.js')
  const memory = options.store && processMemory(options.store)
  const input = memory ? memory.cardInputs : savedCardOnlyInput(cacheDir, config.out, savedKnown)
  if (!input) return undefined
  const manifest = memory && options.trust ? memory.manifest : undefined
  const outcome = cardOnlyBuild(config, cacheDir, keys, listed, quick, state, { ...input, manifest, trust: options.trust })
  if (!outcome) return undefined
  const memoFile = pageMemoFile(cacheDir, config.out)
  const memo = memory?.pageMemo
  if (memory) rememberBuild(memory, { stamps: outcome.state.stamps, manifest: outcome.manifest, state: { cacheDir, out: config.out, state: outcome.state }, cardInputs: { index: input.index, known: outcome.known } })
  memo?.forget(outcome.pages)
  const save = () => {
    // The page memo on disk forgets the replaced pages (the next full build makes them again): a watching
    // process saves the memo it keeps, which forgot them; a new process lists them beside the memo.
    if (memo) memo.save(memoFile)
    else if (outcome.pages.length > 0) addStalePages(memoFile, outcome.pages)
    writeBuildState(cacheDir, config.out, outcome.state)
    writeKnownInputs(knownInputsFile(cacheDir, config.out), outcome.known)
  }
  if (options.persist) options.persist(save)
  else save()
  return outcome.result
}
