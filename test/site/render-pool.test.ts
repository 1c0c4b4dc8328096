import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ContentJob } from '../../src/site/render-contents.js'
import { siteIndexOf } from '../../src/site/site-context.js'
import { loadFixture } from './fixture-model.js'

// Worker threads run the compiled module (the build's lib/, made by `npm ci`'s prepare step).
const LIB = new URL('../../lib/site/render-contents.js', import.meta.url)
const hasLib = existsSync(fileURLToPath(LIB))

describe('the site render pool', () => {
  it.skipIf(!hasLib)('renders on worker threads exactly what this thread renders', async () => {
    const { renderContents } = (await import(LIB.href)) as typeof import('../../src/site/render-contents.js')
    const fx = loadFixture('basic', 'hostile')
    // Enough pages for the pool to start a worker: the fixture cards, each under several names.
    const jobs: ContentJob[] = []
    for (let copy = 0; copy < 20; copy++) {
      for (const [page, markdown] of fx.cards) jobs.push([copy === 0 ? page : page.replace(/\.md$/, `-${copy}.md`), markdown])
    }
    const site = siteIndexOf(jobs.map(([page]) => page))
    const counts = { byWorkers: 0 }
    const pooled = renderContents(jobs, site, 1, counts)
    const here = renderContents(jobs, site, 0)
    expect(counts.byWorkers).toBeGreaterThan(0)
    expect(pooled).toEqual(here)
  })
})
