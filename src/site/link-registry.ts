import type { DeferredText } from '../write/deferred-text.js'
import type { LinkRecord } from './linker.js'
import type { MarkdownLink } from './page-plugins.js'

/** Ids the layout puts on every page (fragment links may point at them). */
export const LAYOUT_IDS = ['main', 'sidebar', 'search', 'search-results']

export interface PageLinkRecord {
  /** The HTML the record describes (or the staged file standing for it); a file whose content changed is parsed again. */
  content: string | DeferredText
  links: LinkRecord[]
  ids: Set<string>
}

/**
 * The links each page was built with, kept per site (the output map buildSite returned), so the link
 * check does not have to parse thousands of pages again. Held weakly: gone with the site.
 */
const registry = new WeakMap<object, Map<string, PageLinkRecord>>()

export function registerSiteLinks(site: object, records: Map<string, PageLinkRecord>): void {
  registry.set(site, records)
}

export function recordedLinks(site: object, path: string, content: string | DeferredText): PageLinkRecord | undefined {
  const record = registry.get(site)?.get(path)
  return record && record.content === content ? record : undefined
}

/**
 * The link URLs of the Markdown the last site build rendered, by Markdown text: a link check of the wiki
 * (the same text) reads them instead of parsing thousands of pages again. Replaced by each build.
 */
let markdownLinks = new Map<string, MarkdownLink[]>()

export function startMarkdownRegistry(): void {
  markdownLinks = new Map()
}

export function rememberMarkdownLinks(markdown: string, links: MarkdownLink[]): void {
  markdownLinks.set(markdown, links)
}

export function recordedMarkdownLinks(markdown: string): MarkdownLink[] | undefined {
  return markdownLinks.get(markdown)
}
