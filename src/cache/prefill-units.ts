import os from 'node:os'
import type { AttackCatalogue } from '../attack/index.js'
import type { BuildConfig } from '../config.js'
import { createProgress, type Progress } from '../progress.js'
import { atomicsKey, linkKeyOf, loadData, ruleKey } from './cached-build.js'
import { entriesOf, readInputs, type KnownInputs, type ReadInputs } from './read-inputs.js'
import { computeParallel } from './compute-parallel.js'
import { converterFingerprint } from './converter-fingerprint.js'
import type { ListedInputs } from './list-inputs.js'
import type { UnitJob } from './unit-jobs.js'
import type { UnitStore } from './unit-store.js'
import { keepUnit } from './work-units.js'

// Below this many jobs a worker's start-up (about 0.2 s of module loading) costs more than it saves.
const MIN_JOBS = 400

/**
 * Worker threads besides the main one: none below 4 cores, else one per core that is idle now (by the
 * load average), at most three. Measured on 2 cores (a VM's 2 vCPUs):
 * - Under a load of 5, one worker added 1.3 to 4 s of CPU (its own module loading and JIT warm-up, copying
 *   results back) and no speed.
 * - On an idle machine, the worker ran 1,509 of the 3,340 units while the main thread ran 1,831. Each
 *   thread did about 430 units/s, against 700/s for one thread alone.
 * - Cold builds with one worker and with none: 19.2 / 17.9 s, 21.4 / 21.6 s, 20.3 / 19.6 s. The worker's
 *   heap also added up to 50 MB to the peak.
 */
export function defaultWorkers(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length
  if (cores < 4) return 0
  const idle = cores - (os.loadavg()[0] ?? 0)
  return Math.max(0, Math.min(3, cores - 1, Math.floor(idle - 0.5)))
}

export interface PrefillOptions {
  store: UnitStore
  tool: string
  catalogue: { value: AttackCatalogue; fingerprint: string }
  /** Undefined: the bundled catalogue, which each worker loads itself. */
  customCatalogue?: boolean
  workers: number
  /** The input files as the up-to-date check listed them. */
  listed?: ListedInputs
  /** What the last build read of each input (see readInputs): those files are read only when needed. */
  known?: KnownInputs
}

export interface Prefilled {
  read: ReadInputs
  /** Every unit this step read or computed, by key: the cached build takes them from here, not the store again. */
  units: Map<string, unknown>
  /** Keys of the units it computed. */
  fresh: Set<string>
}

/**
 * Reads the inputs and computes, spread over worker threads, every rule and trigger unit the store lacks,
 * so the (synchronous) cached build that follows finds them all.
 */
export async function prefillUnits(config: BuildConfig, options: PrefillOptions, progress: Progress = createProgress({ quiet: true })): Promise<Prefilled> {
  const { store, tool, catalogue } = options
  const read = progress.task('read inputs', () => readInputs(config, options.listed, options.known))
  const fresh = new Set<string>()
  const units = new Map<string, unknown>()
  const data = loadData((kind) => entriesOf(read, kind), tool, (key, compute) => {
    let unit = store.get<ReturnType<typeof compute>>(key)
    if (unit === undefined) {
      fresh.add(key)
      unit = keepUnit(store, key, compute())
    }
    units.set(key, unit)
    return unit
  })
  const jobs: UnitJob[] = []
  // A job needs the file's text; a unit found in the store does not (and its file may stay unread).
  const lookUp = (key: string, job: () => UnitJob): void => {
    const hit = store.get(key)
    if (hit === undefined) jobs.push(job())
    else units.set(key, hit)
  }
  for (const { file, input } of entriesOf(read, 'atomics')) {
    if (input === undefined) continue
    const key = atomicsKey(tool, catalogue.fingerprint, file.path, file.techniqueId!, input.hash)
    lookUp(key, () => ({ kind: 'atomics', key, path: file.path, techniqueId: file.techniqueId!, text: input.text() }))
  }
  const linkKey = linkKeyOf(tool, catalogue.fingerprint, data.sets, read.triggerFolders)
  const convertKey = converterFingerprint(config)
  for (const { file, input } of entriesOf(read, 'rule')) {
    if (input === undefined) continue
    const key = ruleKey(tool, file.path, input.hash, linkKey, convertKey)
    lookUp(key, () => ({ kind: 'rule', key, path: file.path, text: input.text() }))
  }
  if (jobs.length < MIN_JOBS) return { read, units, fresh }
  const setup = {
    catalogue: options.customCatalogue ? catalogue.value : undefined,
    dataNeeded: data.sets.dataNeeded,
    enrichments: data.sets.enrichments,
    triggerFolders: [...read.triggerFolders],
    converterConfigs: config.converterConfigs,
  }
  const computed = await progress.task(`${jobs.length} units on ${options.workers + 1} threads`, () => computeParallel(jobs, setup, options.workers))
  jobs.forEach((job, i) => {
    units.set(job.key, keepUnit(store, job.key, computed[i]))
    fresh.add(job.key)
  })
  return { read, units, fresh }
}
