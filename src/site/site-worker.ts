import { workerData } from 'node:worker_threads'
import { renderContent, type CachedContent } from './page-cache.js'
import { DONE, NEXT, type WorkerInput } from './render-contents.js'

// Renders jobs taken from the shared counter until none are left: each result is posted, then counted done.
const { jobs, order, pages, files, counter, port } = workerData as WorkerInput
const site = { pages: new Set(pages), files: new Set(files) }
for (let k = Atomics.add(counter, NEXT, 1); k < jobs.length; k = Atomics.add(counter, NEXT, 1)) {
  const i = order[k]
  let content: CachedContent | null = null
  try {
    content = renderContent(jobs[i][0], jobs[i][1], site)
  } catch {
    // The page is rendered again on the main thread, which reports what goes wrong.
  }
  port.postMessage([i, content])
  Atomics.add(counter, DONE, 1)
  Atomics.notify(counter, DONE)
}
port.close()
