import { contentKey, stillValid, type CachedContent } from './page-cache.js'
import { renderContents, type ContentJob } from './render-contents.js'
import { ruleCardContent } from './rule-card-content.js'
import { triggerContent } from './trigger-content.js'
import type { SiteContext } from './site-context.js'

/**
 * Every page's content as HTML (what the layout wraps). Rule and trigger cards are made from the model (cheap,
 * never cached); any other page's Markdown comes from the page cache while the cached result still holds, else is
 * rendered (on worker threads too when there are many) and put in the cache.
 */
export function pageContents(ctx: SiteContext, pages: readonly string[], workers?: number): Map<string, CachedContent> {
  const contents = new Map<string, CachedContent>()
  const jobs: ContentJob[] = []
  const keys: string[] = []
  for (const page of pages) {
    const markdown = ctx.pages.get(page)
    if (markdown === undefined) throw new Error(`no Markdown for ${page}: expected one of the site's pages`)
    const rule = ctx.ruleByPage.get(page)
    if (rule) {
      contents.set(page, ruleCardContent(rule, page, markdown, ctx.site))
      continue
    }
    const atomics = ctx.atomicsByPage.get(page)
    if (atomics) {
      contents.set(page, triggerContent(atomics, ctx.index.lookup.technique(atomics.techniqueId)?.description, page, markdown, ctx.site))
      continue
    }
    const key = ctx.cache ? contentKey(page, markdown, ctx.cacheSalt) : ''
    const hit = ctx.cache?.get<CachedContent>(key)
    if (hit && stillValid(hit, ctx.site)) contents.set(page, hit)
    else {
      const tree = ctx.trees?.get(page)
      jobs.push(tree ? [page, markdown, [], tree] : [page, markdown, ctx.codeTexts(page)])
      keys.push(key)
    }
  }
  renderContents(jobs, ctx.site, workers).forEach((content, i) => {
    contents.set(jobs[i][0], content)
    ctx.cache?.put(keys[i], content)
  })
  return contents
}
