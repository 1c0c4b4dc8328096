import { ruleStamp } from '../cache/rule-stamp.js'
import { sourceStamp } from '../cache/source-stamp.js'
import type { DataSource } from '../model.js'
import { dataNeededContent } from './data-needed-content.js'
import { enrichmentContent } from './enrichment-content.js'
import type { SiteIndex } from './link-resolver.js'
import { loggingPolicyContent } from './logging-policy-content.js'
import { contentKey, contentKeyOfHash, recordingAnswers, renderContent, triggerContentKey, type CachedContent } from './page-cache.js'
import { stillValid } from './site-answers.js'
import { ruleCardContent } from './rule-card-content.js'
import type { SiteContext } from './site-context.js'
import { DeferredText, textOf } from '../write/deferred-text.js'
import { triggerContent } from './trigger-content.js'

/**
 * How a page's content is made. `model`: from the model, cheap, never cached (rule cards). `cached`: kept in
 * the page cache under `key`, made by `render` on a miss (atc-data and trigger cards from their files,
 * cross-link pages from their trees, any other page from its Markdown).
 */
type PageMaker = { kind: 'model'; identity: string; make: () => CachedContent } | { kind: 'cached'; key: string; render: () => CachedContent }

/** A page's content as the layout wraps it, made on demand, with the key of everything it is made from. */
export interface PageSource {
  /** Changes whenever the content may change ('' without a page cache: nothing is kept then). */
  identity: string
  content: () => CachedContent
}

/** How `page`'s content is made: from the page cache while a cached result still holds, else as its PageMaker says. */
export function pageSource(ctx: SiteContext, page: string): PageSource {
  const given = ctx.pages.get(page)
  if (given === undefined) throw new Error(`no Markdown for ${page}: expected one of the site's pages`)
  // A kept rule card's Markdown is read only when its page is made again.
  const markdown = () => textOf(given)
  const maker = makerOf(ctx, page, markdown, given instanceof DeferredText ? given.hash : undefined)
  if (maker.kind === 'model') return { identity: maker.identity, content: () => fromModel(ctx, page, markdown, maker.make) }
  return {
    identity: maker.key,
    content: () => {
      const hit = ctx.cache?.get<CachedContent>(maker.key)
      if (hit && stillValid(hit, ctx.site)) return hit
      const content = maker.render()
      ctx.cache?.put(maker.key, content, true)
      return content
    },
  }
}

/** The atc-data cards made from their files, by the wiki folder that holds them. */
const ATC_DATA_CARDS: Record<string, (source: DataSource, page: string, markdown: string, site: SiteIndex) => CachedContent> = {
  Data_Needed: dataNeededContent,
  Logging_Policies: loggingPolicyContent,
  Enrichments: enrichmentContent,
}

/** `markdownHash`: hashOf of the Markdown when known, which keys it without hashing the text again. */
function makerOf(ctx: SiteContext, page: string, markdownOf: () => string, markdownHash: string | undefined): PageMaker {
  // Only a build with a cache needs the keys (hashing every page is not free).
  const keyed = (key: () => string) => (ctx.cache ? key() : '')
  const rule = ctx.ruleByPage.get(page)
  // The card's Markdown and everything the card shows come from the rule's unit, which its stamp keys.
  if (rule) return { kind: 'model', identity: keyed(() => `rule:${ruleStamp(rule)}`), make: () => ruleCardContent(rule, page, markdownOf(), ctx.site) }
  const atomics = ctx.atomicsByPage.get(page)
  if (atomics) {
    const description = ctx.index.lookup.technique(atomics.techniqueId)?.description
    return {
      kind: 'cached',
      // The atomics unit's key covers the file, the catalogue (the description) and the tool: the card
      // (read from the cache only when the page is made) need not be hashed.
      key: keyed(() => {
        const stamp = sourceStamp(atomics)
        return stamp ? contentKey(page, `atomics-unit\0${stamp}`, ctx.cacheSalt) : triggerContentKey(page, markdownOf(), atomics.text, description, ctx.cacheSalt)
      }),
      render: () => fromModel(ctx, page, markdownOf, () => recordingAnswers(ctx.site, (site) => triggerContent(atomics, description, page, markdownOf(), site))),
    }
  }
  const markdown = markdownOf()
  const markdownKey = () => (markdownHash === undefined ? contentKey(page, markdown, ctx.cacheSalt) : contentKeyOfHash(page, markdownHash, ctx.cacheSalt))
  const source = ctx.sourceByPage.get(page)
  const atcCard = source && ATC_DATA_CARDS[page.slice(0, page.indexOf('/'))]
  if (source && atcCard) {
    // Everything the card shows is in its Markdown, which keys it.
    return {
      kind: 'cached',
      key: keyed(markdownKey),
      render: () => fromModel(ctx, page, markdownOf, () => recordingAnswers(ctx.site, (site) => atcCard(source, page, markdown, site))),
    }
  }
  const key = keyed(markdownKey)
  const chunks = ctx.cache && { store: ctx.cache, salt: ctx.cacheSalt }
  return { kind: 'cached', key, render: () => renderContent(page, markdown, ctx.site, ctx.trees?.get(page), chunks) }
}

/** A page made from the model, or, should that fail on input nobody foresaw, from its card's Markdown like any page. */
function fromModel(ctx: SiteContext, page: string, markdownOf: () => string, make: () => CachedContent): CachedContent {
  try {
    return make()
  } catch {
    return renderContent(page, markdownOf(), ctx.site)
  }
}
