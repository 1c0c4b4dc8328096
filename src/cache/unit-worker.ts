import { parentPort, workerData } from 'node:worker_threads'
import { jobRunner, type JobSetup, type UnitJob } from './unit-jobs.js'

// Takes jobs from the shared counter until none are left, then posts [index, unit] pairs back.
const { jobs, setup, counter } = workerData as { jobs: UnitJob[]; setup: JobSetup; counter: Int32Array }
const run = jobRunner(setup)
const done: [number, unknown][] = []
for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) done.push([i, run(jobs[i]!)])
parentPort!.postMessage(done)
