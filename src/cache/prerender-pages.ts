import type { Assembly } from '../build.js'
import { renderWiki } from '../render-wiki.js'
import { sitePages } from '../render-site.js'
import { prerenderSite } from '../site/index.js'

/**
 * Renders, on `workers` worker threads besides this one, the site pages the page cache lacks, so that
 * `assemble` then finds them all (most of a cold site build is Markdown rendering). The wiki and the
 * cross-link pages are worked out here as `assemble` will (the cross-links land in the cache too).
 */
export async function prerenderPages(assembly: Assembly, workers: number): Promise<{ rendered: number; reused: number }> {
  const { config, inputs, rules, catalogue, cards, pageCache } = assembly
  if (!config.site || !pageCache || workers <= 0) return { rendered: 0, reused: 0 }
  // Diagnostics come from assemble; this pass only fills the cache.
  const files = renderWiki({ inputs, rules, catalogue }, [], cards)
  const { pages, downloads } = sitePages({ inputs, rules, catalogue, files, base: config.base, siteUrl: config.siteUrl, cache: pageCache.cache, cacheSalt: pageCache.salt })
  return prerenderSite(pages, { cache: pageCache.cache, cacheSalt: pageCache.salt, downloads, workers })
}
