import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { contentKey, renderContent, stillValid, type CachedContent, type PageCache } from './page-cache.js'
import { siteIndexOf } from './site-context.js'

const WORKER = new URL('./site-worker.js', import.meta.url)

export interface PrerenderOptions {
  cache: PageCache
  /** Same salt as buildSite's `cacheSalt`. */
  cacheSalt?: string
  /** Same downloads as buildSite's (links to them resolve). */
  downloads?: ReadonlyMap<string, unknown>
  /** Worker threads besides this one; default: one per other core. Only the compiled module (lib/) can start them. */
  workers?: number
}

/**
 * Renders the Markdown of every page the cache does not already hold, on worker threads, into `cache`,
 * so that `buildSite(…, { cache })` afterwards only assembles pages. Markdown parsing is most of a cold
 * site build; this spreads it over the cores.
 */
export async function prerenderSite(pages: ReadonlyMap<string, string>, options: PrerenderOptions): Promise<{ rendered: number; reused: number }> {
  const salt = options.cacheSalt ?? ''
  const site = siteIndexOf(pages.keys(), options.downloads?.keys() ?? [])
  const jobs: [string, string][] = []
  const keys: string[] = []
  let reused = 0
  for (const page of [...pages.keys()].sort()) {
    if (!page.endsWith('.md') || page === 'Coverage.md') continue
    const markdown = pages.get(page)!
    const key = contentKey(page, markdown, salt)
    const hit = options.cache.get<CachedContent>(key)
    if (hit && stillValid(hit, site)) {
      reused++
      continue
    }
    jobs.push([page, markdown])
    keys.push(key)
  }
  const workers = existsSync(fileURLToPath(WORKER)) ? Math.max(0, options.workers ?? availableParallelism() - 1) : 0
  const counter = new Int32Array(new SharedArrayBuffer(4))
  const results: (CachedContent | undefined)[] = new Array(jobs.length)
  const threads = Array.from({ length: Math.min(workers, jobs.length) }, () => startWorker(jobs, [...site.pages], [...site.files], counter))
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) results[i] = renderContent(jobs[i][0], jobs[i][1], site)
  for (const done of await Promise.all(threads)) for (const [i, content] of done) results[i] = content
  for (let i = 0; i < jobs.length; i++) options.cache.put(keys[i], results[i] ?? renderContent(jobs[i][0], jobs[i][1], site))
  return { rendered: jobs.length, reused }
}

function startWorker(jobs: [string, string][], pages: string[], files: string[], counter: Int32Array): Promise<[number, CachedContent][]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { workerData: { jobs, pages, files, counter }, resourceLimits: { maxYoungGenerationSizeMb: 64 } })
    worker.once('message', (done: [number, CachedContent][]) => {
      resolve(done)
      void worker.terminate()
    })
    // A worker that fails only costs time: its pages are rendered here.
    worker.once('error', () => resolve([]))
    worker.once('exit', () => resolve([]))
  })
}
