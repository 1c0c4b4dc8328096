import type { DeferredText } from '../write/deferred-text.js'
import type { Root as MdastRoot } from 'mdast'
import type { CoverageIndex } from '../crosslink/coverage-index.js'
import { buildCoverageIndex } from '../crosslink/coverage-index.js'
import type { CatalogueView } from '../crosslink/catalogue-view.js'
import { ruleFacts } from '../crosslink/rule-facts.js'
import type { WikiModel } from '../crosslink/wiki-model.js'
import { sitePath } from '../crosslink/navigator-layers.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import type { AtomicsSource, DataSource, LinkedRule } from '../model.js'
import { safeFileName } from '../write/index.js'
import type { SiteIndex } from './link-resolver.js'
import type { PageCache } from './page-cache.js'

/** A wiki section: a folder of pages, one entry in the navigation, one index page. */
export interface Section {
  dir: string
  label: string
  /** Page kind, used for styling and the search index. */
  kind: string
}

export const SECTIONS: readonly Section[] = [
  { dir: 'Detection_Rules', label: 'Detection Rules', kind: 'rule' },
  { dir: 'Data_Needed', label: 'Data Needed', kind: 'data-needed' },
  { dir: 'Logging_Policies', label: 'Logging Policies', kind: 'logging-policy' },
  { dir: 'Enrichments', label: 'Enrichments', kind: 'enrichment' },
  { dir: 'Triggers', label: 'Triggers', kind: 'trigger' },
  { dir: 'Tactics', label: 'Tactics', kind: 'tactic' },
  { dir: 'Techniques', label: 'Techniques', kind: 'technique' },
]

export interface SiteOptions {
  /** URL path the site is served under, e.g. `/analytics-wiki/` (used where relative links cannot be: the 404 page). */
  base: string
  /** Files beside the wiki (paths relative to the output folder: `rules.json`, `attack-navigator/layer.json`…) to publish under `downloads/`. */
  downloads?: ReadonlyMap<string, string | Uint8Array>
  /** Site name shown in the header and titles. */
  name?: string
  /** Keeps rendered page content between builds (the build cache's UnitStore). */
  cache?: PageCache
  /** Mixed into every cache key: the tool's fingerprint, so new code never reuses old pages. */
  cacheSalt?: string
  /** The syntax trees some pages' Markdown was printed from (wiki-relative path → mdast): rendered without a parse. */
  trees?: ReadonlyMap<string, MdastRoot>
}

/** Everything page rendering looks up, computed once per build. */
export interface SiteContext {
  name: string
  base: string
  model: WikiModel
  index: CoverageIndex
  site: SiteIndex
  pages: ReadonlyMap<string, string | DeferredText>
  /** Pages per section dir (wiki paths, sorted). */
  sectionPages: Map<string, string[]>
  ruleByPage: Map<string, LinkedRule>
  /** Data Needed, Logging Policy and Enrichment by the wiki page that shows it. */
  sourceByPage: Map<string, DataSource>
  /** The wiki page that shows a Data Needed, Logging Policy or Enrichment, when there is one. */
  pageOfSource: Map<DataSource, string>
  downloads: ReadonlyMap<string, string | Uint8Array>
  cache: PageCache | undefined
  cacheSalt: string
  trees: ReadonlyMap<string, MdastRoot> | undefined
  /** The atomics file a trigger page shows (the first, when several would make it). */
  atomicsByPage: Map<string, AtomicsSource>
}

/** Site paths the builder itself adds besides the pages. */
export const GENERATED = {
  home: 'index.html',
  coverage: 'Coverage.html',
  notFound: '404.html',
  searchIndex: 'assets/search-index.json',
  css: 'assets/site.css',
  js: 'assets/site.js',
  sectionIndex: (dir: string) => `${dir}/index.html`,
}

export function createSiteContext(pages: ReadonlyMap<string, string | DeferredText>, model: WikiModel, catalogue: CatalogueView, options: SiteOptions): SiteContext {
  const index = buildCoverageIndex(model, catalogue)
  const keys = [...pages.keys()].sort()
  const sectionPages = new Map<string, string[]>(SECTIONS.map((s) => [s.dir, keys.filter((k) => k.startsWith(`${s.dir}/`) && !k.endsWith('/index.md'))]))
  const downloads = options.downloads ?? new Map()
  const sourceByPage = new Map<string, DataSource>()
  const pageOfSource = new Map<DataSource, string>()
  const sourceKinds: [readonly DataSource[], string][] = [[model.dataNeeded, 'Data_Needed'], [model.loggingPolicies, 'Logging_Policies'], [model.enrichments, 'Enrichments']]
  for (const [list, dir] of sourceKinds) {
    for (const source of list) {
      // atc-data names a card after its file; the cards link each other by title (usually the same).
      const page = [`${dir}/${safeFileName(source.stem)}.md`, `${dir}/${safeFileName(source.title)}.md`].find((p) => pages.has(p) && !sourceByPage.has(p))
      if (!page) continue
      sourceByPage.set(page, source)
      pageOfSource.set(source, page)
    }
  }
  return {
    name: options.name ?? 'Analytics Wiki',
    base: options.base.endsWith('/') ? options.base : `${options.base}/`,
    model,
    index,
    site: siteIndexOf(pages.keys(), downloads.keys()),
    pages,
    sectionPages,
    ruleByPage: firstBy(model.rules, (r) => wikiPath.rule(r.source.stem)),
    sourceByPage,
    pageOfSource,
    downloads,
    cache: options.cache,
    cacheSalt: options.cacheSalt ?? '',
    trees: options.trees,
    atomicsByPage: firstBy(model.atomics, (source) => wikiPath.trigger(source.techniqueId)),
  }
}

/** Items by a key; the first of several with one key (the wiki keeps the first card and reports the others). */
function firstBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) if (!map.has(keyOf(item))) map.set(keyOf(item), item)
  return map
}

/** What the site will hold: the wiki pages that become pages, and the files the builder adds. */
export function siteIndexOf(pages: Iterable<string>, downloads: Iterable<string> = []): SiteIndex {
  const files = new Set<string>([GENERATED.home, GENERATED.coverage, GENERATED.notFound, GENERATED.searchIndex, GENERATED.css, GENERATED.js])
  for (const s of SECTIONS) files.add(GENERATED.sectionIndex(s.dir))
  for (const path of downloads) files.add(`downloads/${path}`)
  return { pages: new Set(pages), files }
}

export function sectionOf(page: string): Section | undefined {
  const dir = page.split('/')[0]
  return SECTIONS.find((s) => s.dir === dir)
}

/** Title of a page: the rule's title for a rule card, else its first heading, else its file name. */
export function pageTitle(ctx: SiteContext, page: string, firstHeading: string | undefined): string {
  const rule = ctx.ruleByPage.get(page)
  if (rule) return ruleFacts(rule).title
  if (firstHeading) return firstHeading
  return page.replace(/^.*\//, '').replace(/\.md$/, '')
}

export { sitePath }
