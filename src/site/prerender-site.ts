import { contentKey, stillValid, type CachedContent, type PageCache } from './page-cache.js'
import { renderContents, type ContentJob } from './render-contents.js'
import { siteIndexOf } from './site-context.js'

export interface PrerenderOptions {
  cache: PageCache
  /** Same salt as buildSite's `cacheSalt`. */
  cacheSalt?: string
  /** Same downloads as buildSite's (links to them resolve). */
  downloads?: ReadonlyMap<string, unknown>
  /** Worker threads besides this one; default: one per other core (at most 3). Only the compiled module (lib/) can start them. */
  workers?: number
}

/**
 * Renders the Markdown of every page the cache does not already hold into `cache`, so that
 * `buildSite(…, { cache })` afterwards only assembles pages. buildSite does the same itself (on worker
 * threads too when many pages need it); this is for callers that want the work done earlier.
 */
export async function prerenderSite(pages: ReadonlyMap<string, string>, options: PrerenderOptions): Promise<{ rendered: number; reused: number }> {
  const salt = options.cacheSalt ?? ''
  const site = siteIndexOf(pages.keys(), options.downloads?.keys() ?? [])
  const jobs: ContentJob[] = []
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
  renderContents(jobs, site, options.workers).forEach((content, i) => options.cache.put(keys[i], content))
  return { rendered: jobs.length, reused }
}
