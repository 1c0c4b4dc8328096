import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { SiteIndex } from './link-resolver.js'
import { renderContent, type CachedContent } from './page-cache.js'

/** One page to render: wiki path and Markdown. */
export type ContentJob = [page: string, markdown: string]

/** What a worker thread gets; shared by render-contents.ts and site-worker.ts. */
export interface WorkerInput {
  jobs: ContentJob[]
  /** Job indexes in the order threads take them (largest Markdown first, so no thread ends on a long page). */
  order: number[]
  pages: string[]
  files: string[]
  /** [next job to take, jobs done by workers] */
  counter: Int32Array
  port: MessagePort
}

/** How many pages the workers rendered (the rest were rendered on this thread). */
export interface PoolCounts {
  byWorkers: number
}

export const NEXT = 0
export const DONE = 1

const WORKER = new URL('./site-worker.js', import.meta.url)

/** Fewer pages than this are not worth starting a thread for (one costs ~0.2 s to load the pipeline). */
const MIN_JOBS_FOR_WORKERS = 200
/** A worker that finishes no page for this long is given up on; its pages are rendered here. */
const STALL_MS = 60_000

/**
 * Renders page contents, in job order. Markdown parsing is most of a cold site build, so with many pages
 * the work is shared with worker threads (`workers`, default: one per other core, at most 3): every thread
 * takes the next job from a shared counter. Synchronous: this thread renders too, then waits for the
 * workers and reads their results from their ports. Only the compiled module (lib/) can start workers;
 * a worker that fails or stalls only costs time, its pages are rendered here.
 */
export function renderContents(jobs: readonly ContentJob[], site: SiteIndex, workers?: number, counts?: PoolCounts): CachedContent[] {
  const results: (CachedContent | undefined)[] = new Array(jobs.length)
  const count = jobs.length < MIN_JOBS_FOR_WORKERS || !existsSync(fileURLToPath(WORKER)) ? 0 : Math.max(0, workers ?? Math.min(3, availableParallelism() - 1))
  const counter = new Int32Array(new SharedArrayBuffer(8))
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b][1].length - jobs[a][1].length || a - b)
  const threads = Array.from({ length: count }, () => startWorker(jobs, order, site, counter))
  let here = 0
  for (let k = Atomics.add(counter, NEXT, 1); k < jobs.length; k = Atomics.add(counter, NEXT, 1), here++) results[order[k]] = render(jobs[order[k]], site)
  if (threads.length > 0) {
    // Every job is taken now; the workers post a job's result before counting it done.
    waitForWorkers(counter, jobs.length - here)
    for (const { worker, port } of threads) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const [i, content] = message.message as [number, CachedContent | null]
        if (content) results[i] = content
        if (content && counts) counts.byWorkers++
      }
      port.close()
      void worker.terminate()
    }
  }
  return results.map((content, i) => content ?? render(jobs[i], site))
}

function render([page, markdown]: ContentJob, site: SiteIndex): CachedContent {
  return renderContent(page, markdown, site)
}

function startWorker(jobs: readonly ContentJob[], order: number[], site: SiteIndex, counter: Int32Array): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel()
  const workerData: WorkerInput = { jobs: [...jobs], order, pages: [...site.pages], files: [...site.files], counter, port: port2 }
  // A larger young generation: parsing makes many short-lived objects (fewer of them reach the old one).
  const worker = new Worker(WORKER, { workerData, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 64 } })
  worker.unref()
  return { worker, port: port1 }
}

/** Blocks until the workers have done `taken` jobs, or have done none for STALL_MS. */
function waitForWorkers(counter: Int32Array, taken: number): void {
  let lastProgress = performance.now()
  for (let done = Atomics.load(counter, DONE); done < taken; ) {
    Atomics.wait(counter, DONE, done, 1000)
    const now = Atomics.load(counter, DONE)
    if (now !== done) {
      done = now
      lastProgress = performance.now()
    } else if (performance.now() - lastProgress > STALL_MS) return
  }
}
