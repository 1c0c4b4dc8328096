import type { CatalogueView } from '../crosslink/catalogue-view.js'
import type { WikiModel } from '../crosslink/wiki-model.js'
import type { Diagnostic } from '../diagnostics.js'
import { fallbackHomePage, matrixPage, notFoundPage, sectionIndexPages } from './generated-pages.js'
import { LAYOUT_IDS, registerSiteLinks, rememberMarkdownLinks, startMarkdownRegistry, type PageLinkRecord } from './link-registry.js'
import { hashOf } from '../cache/hash.js'
import { textOf, type DeferredText } from '../write/deferred-text.js'
import { pageSource } from './page-contents.js'
import { buildSearchIndex } from './search-index.js'
import { createSiteContext, GENERATED, type SiteContext, type SiteOptions } from './site-context.js'
import { siteAsset } from './templates.js'
import type { KeptPage, PageMemo } from './page-memo.js'
import { wikiSitePage, type RenderedPage } from './wiki-page.js'

export interface BuildSiteOptions extends SiteOptions {
  /** Receives a warning for every link in the pages the site cannot follow (shown as plain text there). */
  diagnostics?: Diagnostic[]
  /** Pages of the last build, kept by a process that builds again (needs `cache`): unchanged pages are not made again. */
  memo?: PageMemo
  /** The key of everything the model shows (rules' facts and links, atc-data, triggers, catalogue; see crossLinksKey). */
  modelKey?: string
  /**
   * Takes each page as soon as it is made (site path, HTML, its hash when known) and returns what stands for
   * it in `files`: the build then holds no page's HTML until the write step (see OutputStage.put).
   */
  stage?: (path: string, html: string, known: { hash: string; bytes?: Uint8Array } | undefined) => DeferredText
}

/** The site's files, and the pages the build did not make again because the output folder still holds them. */
export interface SiteBuild {
  /** Staged pages are deferred texts (see BuildSiteOptions.stage). */
  files: Map<string, string | Uint8Array | DeferredText>
  /** By site path; never in `files`. */
  kept: Map<string, KeptPage>
  /** What every page's layout and links depend on besides its content (with a memo): the site's pages and files. */
  siteKey?: string
  /** Content hashes of pages in `files` the page memo already took (by site path). */
  hashes: Map<string, string>
}

/**
 * The HTML site, keyed by path relative to `OUT/site`: one page per wiki page (`Detection_Rules/x.md` →
 * `Detection_Rules/x.html`), section indexes, the coverage matrix, the search index, the assets and the
 * `downloads/`. `pages` are wiki-relative paths → Markdown (every ATC card and the cross-link pages).
 */
export function buildSite(pages: ReadonlyMap<string, string | DeferredText>, model: WikiModel, catalogue: CatalogueView, options: Omit<BuildSiteOptions, 'memo' | 'stage'>): Map<string, string | Uint8Array> {
  // Nothing staged, nothing deferred: every file is its content.
  return buildSiteKeeping(pages, model, catalogue, options).files as Map<string, string | Uint8Array>
}

/** buildSite, with `options.memo`: pages whose key did not change are kept, not made. */
export function buildSiteKeeping(pages: ReadonlyMap<string, string | DeferredText>, model: WikiModel, catalogue: CatalogueView, options: BuildSiteOptions): SiteBuild {
  const ctx = createSiteContext(pages, model, catalogue, options)
  startMarkdownRegistry()
  const files = new Map<string, string | Uint8Array | DeferredText>()
  const kept = new Map<string, KeptPage>()
  const records = new Map<string, PageLinkRecord>()
  const titles = new Map<string, string>()
  const hashes = new Map<string, string>()
  const add = (page: RenderedPage) => {
    const content = options.stage ? options.stage(page.path, page.html, page.hash === undefined ? undefined : { hash: page.hash, bytes: page.encoded }) : page.html
    files.set(page.path, content)
    if (page.hash !== undefined && typeof content === 'string') hashes.set(page.path, page.hash)
    records.set(page.path, { content, links: page.links, ids: new Set([...page.ids, ...LAYOUT_IDS]) })
  }
  // The site's coverage page is the interactive matrix; Coverage.md's links resolve to it.
  const wikiPages = [...pages.keys()].sort().filter((page) => page !== 'Coverage.md' && page.endsWith('.md'))
  const memo = options.memo && ctx.cache ? { memo: options.memo, siteKey: siteKeyOf(ctx) } : undefined
  for (const page of wikiPages) {
    const { made, kept: keptPage } = wikiSitePage(ctx, page, pageSource(ctx, page), memo)
    if (made) add(made)
    else {
      kept.set(keptPage.path, keptPage)
      ctx.cache?.keep?.(keptPage.cacheKeys)
    }
    const { title, dangling, markdownLinks } = made ? { title: made.title, dangling: made.state?.dangling ?? [], markdownLinks: made.state?.markdownLinks ?? [] } : keptPage
    // A page rendered from its tree has no Markdown positions to remember.
    if (markdownLinks.length > 0) rememberMarkdownLinks(textOf(pages.get(page)!), markdownLinks)
    titles.set(page, title)
    for (const d of dangling) {
      options.diagnostics?.push({ path: `wiki/${page}`, line: d.line, col: d.col, severity: 'warning', message: `link to ${d.href} has no page on the site (${d.target}); it is shown as plain text`, code: 'dangling-link' })
    }
  }
  // The section indexes, the matrix and the search index show the model and the site, not any page's
  // content: kept whole while neither changed (an edit of a query or a comment).
  const generatedKey = memo && options.modelKey ? hashOf(GENERATED_VERSION, options.modelKey, memo.siteKey, String(pages.has('index.md'))) : undefined
  const generated = keptWhole(ctx, generatedKey, () => [...(pages.has('index.md') ? [] : [fallbackHomePage(ctx)]), matrixPage(ctx), ...sectionIndexPages(ctx), notFoundPage(ctx)])
  for (const page of generated) add(page)
  const searchKey = generatedKey && hashOf(generatedKey, ...[...titles].flat())
  files.set(GENERATED.searchIndex, keptWhole(ctx, searchKey, () => JSON.stringify(buildSearchIndex(ctx, titles))))
  files.set(GENERATED.css, siteAsset('site.css'))
  files.set(GENERATED.js, siteAsset('site.js'))
  for (const [path, content] of ctx.downloads) files.set(`downloads/${path}`, content)
  files.set('.nojekyll', '')
  registerSiteLinks(files, records)
  options.memo?.retainOnly(new Set(wikiPages))
  return { files, kept, siteKey: memo?.siteKey, hashes }
}

/** What `make` gives, from the page cache under `key` when it is there (no key, no cache: made each time). */
function keptWhole<T>(ctx: SiteContext, key: string | undefined, make: () => T): T {
  if (key === undefined || !ctx.cache) return make()
  const hit = ctx.cache.get<T>(key)
  if (hit !== undefined) return hit
  const made = make()
  ctx.cache.put(key, made)
  return made
}

/** What every page's layout and links depend on besides its own content: the tool, the site's settings and files. */
function siteKeyOf(ctx: SiteContext): string {
  return hashOf(MEMO_VERSION, ctx.cacheSalt, ctx.name, ctx.base, ...[...ctx.site.pages].sort(), '\0', ...[...ctx.site.files].sort())
}

/** Bump when the generated pages or the search index read something the model key and the site key do not cover. */
const GENERATED_VERSION = 'generated-pages-1'

/** Bump when a page's layout reads something siteKeyOf and wikiSitePage's key do not cover. */
const MEMO_VERSION = 'page-memo-1'
