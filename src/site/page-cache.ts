import { hashOf } from '../cache/hash.js'
import type { SiteIndex } from './link-resolver.js'
import { renderMarkdown, type RenderedMarkdown } from './markdown-processor.js'

/** Where rendered page content is kept between builds; the build cache's UnitStore fits. */
export interface PageCache {
  get<T>(key: string): T | undefined
  put<T>(key: string, value: T): void
}

/** Bump when the Markdown → HTML pipeline changes what it produces. */
const PIPELINE_VERSION = 'site-content-1'

interface CachedContent {
  html: string
  links: RenderedMarkdown['state']['links']
  ids: string[]
  title: string | undefined
  dangling: RenderedMarkdown['state']['dangling']
  /** Every "does the site have this path?" question the rendering asked, with its answer. */
  asked: [set: 'pages' | 'files', path: string, answer: boolean][]
}

/**
 * Renders a page's Markdown, reusing an earlier result when the Markdown is the same and the site still
 * answers every question about its link targets the same way (a page added or removed elsewhere only
 * re-renders the pages that link to it).
 */
export function renderMarkdownCached(markdown: string, page: string, site: SiteIndex, cache: PageCache | undefined, salt: string): RenderedMarkdown {
  if (!cache) return renderMarkdown(markdown, page, site)
  const key = hashOf(PIPELINE_VERSION, salt, page, markdown)
  const hit = cache.get<CachedContent>(key)
  if (hit && hit.asked.every(([set, path, answer]) => site[set].has(path) === answer)) {
    return { html: hit.html, state: { page, site, links: hit.links, ids: new Set(hit.ids), title: hit.title, dangling: hit.dangling } }
  }
  const asked: CachedContent['asked'] = []
  const recording = (set: 'pages' | 'files'): ReadonlySet<string> => {
    const real = site[set]
    return { has: (path: string) => { const answer = real.has(path); asked.push([set, path, answer]); return answer } } as ReadonlySet<string>
  }
  const rendered = renderMarkdown(markdown, page, { pages: recording('pages'), files: recording('files') })
  const { state } = rendered
  cache.put<CachedContent>(key, { html: rendered.html, links: state.links, ids: [...state.ids], title: state.title, dangling: state.dangling, asked })
  return { html: rendered.html, state: { ...state, site } }
}
