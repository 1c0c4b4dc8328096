import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { jobRunner, type JobSetup, type UnitJob } from './unit-jobs.js'

// Beside this module: lib/cache/ (tsc's output) or lib/bundle/ (the bundle has it as an entry of its own).
const WORKER = new URL('./unit-worker.js', import.meta.url)

/** Worker threads can run only compiled modules (lib/); from sources (tests) everything runs here. */
export function canUseWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER))
}

/**
 * Computes every job, this thread and `workers` worker threads taking the next job from a shared counter
 * (so a slow-starting or busy thread takes fewer). A worker that fails only costs time: its jobs are
 * computed here.
 */
export async function computeParallel(jobs: UnitJob[], setup: JobSetup, workers: number): Promise<unknown[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4))
  const results: unknown[] = new Array(jobs.length)
  const threads = Array.from({ length: canUseWorkers() ? workers : 0 }, () => startWorker(jobs, setup, counter))
  const run = jobRunner(setup)
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) results[i] = run(jobs[i]!)
  for (const done of await Promise.all(threads)) for (const [i, unit] of done) results[i] = unit
  for (let i = 0; i < jobs.length; i++) if (results[i] === undefined) results[i] = run(jobs[i]!)
  return results
}

function startWorker(jobs: UnitJob[], setup: JobSetup, counter: Int32Array): Promise<[number, unknown][]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { workerData: { jobs, setup, counter } })
    worker.once('message', (done: [number, unknown][]) => {
      resolve(done)
      void worker.terminate()
    })
    worker.once('error', () => resolve([]))
    worker.once('exit', () => resolve([]))
  })
}
