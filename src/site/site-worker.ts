import { parentPort, workerData } from 'node:worker_threads'
import { renderContent, type CachedContent } from './page-cache.js'

// Renders pages taken from the shared counter until none are left, then posts [index, content] pairs back.
const { jobs, pages, files, counter } = workerData as { jobs: [string, string][]; pages: string[]; files: string[]; counter: Int32Array }
const site = { pages: new Set(pages), files: new Set(files) }
const done: [number, CachedContent][] = []
for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) done.push([i, renderContent(jobs[i]![0], jobs[i]![1], site)])
parentPort!.postMessage(done)
