import type { Root as MdastRoot } from 'mdast'
import { hashOf } from '../cache/hash.js'
import type { KeyedStore } from '../cache/unit-store.js'
import type { SiteIndex } from './link-resolver.js'
import { renderMarkdown, type RenderedMarkdown, type TableChunks } from './markdown-processor.js'
import { recordingSite, type SiteAnswers } from './site-answers.js'

/** Where rendered page content is kept between builds (the build cache's UnitStore). */
export type PageCache = KeyedStore

/** Bump when the Markdown → HTML pipeline changes what it produces. */
const PIPELINE_VERSION = 'site-content-2'

/** A page's rendered content as the cache keeps it (plain data: it crosses threads and processes). */
export interface CachedContent {
  html: string
  links: RenderedMarkdown['state']['links']
  ids: string[]
  title: string | undefined
  dangling: RenderedMarkdown['state']['dangling']
  markdownLinks: RenderedMarkdown['state']['markdownLinks']
  /** Every "does the site have this path?" question the rendering asked, with its answer. */
  asked: SiteAnswers
  /** Cache entries the content was assembled from (chunks of long tables). */
  parts?: string[]
}

export function contentKey(page: string, markdown: string, salt: string): string {
  return hashOf(PIPELINE_VERSION, salt, page, markdown)
}

/** contentKey of a page whose Markdown's content hash is known (`hashOf(markdown)`, which determines it). */
export function contentKeyOfHash(page: string, markdownHash: string, salt: string): string {
  return hashOf(PIPELINE_VERSION, salt, page, 'markdown-hash', markdownHash)
}

/** The key of a trigger card's content, which is made from its atomics file and ATT&CK description as well. */
export function triggerContentKey(page: string, markdown: string, atomicsText: string, description: string | undefined, salt: string): string {
  return contentKey(page, [markdown, atomicsText, description ?? ''].join('\0'), salt)
}

/** Renders a page's content, noting what it asked the site, so the result can be reused while the answers hold. */
export function renderContent(page: string, markdown: string, site: SiteIndex, tree?: MdastRoot, chunks?: TableChunks): CachedContent {
  return recordingAnswers(site, (recordingSite) => {
    const { html, state, parts } = renderMarkdown(markdown, page, recordingSite, tree, chunks)
    return { html, links: state.links, ids: [...state.ids], title: state.title, dangling: state.dangling, markdownLinks: state.markdownLinks, asked: [], parts }
  })
}

/** Runs `render` against a site that notes every question asked of it, into the content's `asked`. */
export function recordingAnswers(site: SiteIndex, render: (site: SiteIndex) => CachedContent): CachedContent {
  const asked: SiteAnswers = []
  const content = render(recordingSite(site, asked))
  return { ...content, asked: [...content.asked, ...asked] }
}

export function fromContent(content: CachedContent, page: string, site: SiteIndex): RenderedMarkdown {
  return { html: content.html, state: { page, site, links: content.links, ids: new Set(content.ids), title: content.title, dangling: content.dangling, markdownLinks: content.markdownLinks } }
}
