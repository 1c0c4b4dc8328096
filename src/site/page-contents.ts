import { contentKey, recordingAnswers, renderContent, stillValid, triggerContentKey, type CachedContent } from './page-cache.js'
import { renderContents, type ContentJob } from './render-contents.js'
import { dataNeededContent } from './data-needed-content.js'
import { ruleCardContent } from './rule-card-content.js'
import { triggerContent } from './trigger-content.js'
import type { SiteContext } from './site-context.js'

/**
 * Every page's content as HTML (what the layout wraps). Rule and Data Needed cards are made from the model
 * (cheap, never cached). A trigger card (made from its atomics file) and any other page (made from its Markdown) come from
 * the page cache while the cached result still holds; else they are rendered (Markdown on worker threads too
 * when there are many pages) and put in the cache.
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
      contents.set(page, fromModel(ctx, page, markdown, () => ruleCardContent(rule, page, markdown, ctx.site)))
      continue
    }
    const source = page.startsWith('Data_Needed/') ? ctx.sourceByPage.get(page) : undefined
    if (source) {
      contents.set(page, fromModel(ctx, page, markdown, () => dataNeededContent(source, page, markdown, ctx.site)))
      continue
    }
    const atomics = ctx.atomicsByPage.get(page)
    const description = atomics && ctx.index.lookup.technique(atomics.techniqueId)?.description
    const key = !ctx.cache ? '' : atomics ? triggerContentKey(page, markdown, atomics.text, description, ctx.cacheSalt) : contentKey(page, markdown, ctx.cacheSalt)
    const hit = ctx.cache?.get<CachedContent>(key)
    if (hit && stillValid(hit, ctx.site)) contents.set(page, hit)
    else if (atomics) {
      const content = fromModel(ctx, page, markdown, () => recordingAnswers(ctx.site, (site) => triggerContent(atomics, description, page, markdown, site)))
      contents.set(page, content)
      ctx.cache?.put(key, content)
    } else if (ctx.trees?.has(page)) {
      // Rendering a tree costs less than handing it to another thread (measured: 1.6 s here, 2.2 s shared).
      const content = renderContent(page, markdown, ctx.site, ctx.trees.get(page))
      contents.set(page, content)
      ctx.cache?.put(key, content)
    } else {
      jobs.push([page, markdown])
      keys.push(key)
    }
  }
  renderContents(jobs, ctx.site, workers).forEach((content, i) => {
    contents.set(jobs[i][0], content)
    ctx.cache?.put(keys[i], content)
  })
  return contents
}

/** A page made from the model, or, should that fail on input nobody foresaw, from its card's Markdown like any page. */
function fromModel(ctx: SiteContext, page: string, markdown: string, make: () => CachedContent): CachedContent {
  try {
    return make()
  } catch {
    return renderContent(page, markdown, ctx.site)
  }
}
