import type { Root } from 'mdast'
import { analyticsCsv } from './analytics-csv.js'
import type { CatalogueView } from './catalogue-view.js'
import { conversionStatusPage } from './conversion-status-page.js'
import { buildCoverageIndex } from './coverage-index.js'
import { coveragePage } from './coverage-page.js'
import { crossLinksKey } from './cross-links-key.js'
import { indexPage } from './index-page.js'
import { printMarkdown } from './markdown.js'
import { printInChunks } from './print-in-chunks.js'
import { hashOf } from '../cache/hash.js'
import { navigatorLayers, type LayerOptions } from './navigator-layers.js'
import { pageKeyBase, tacticPageKey, techniquePageKey } from './page-keys.js'
import { pivotingCsv } from './pivoting-csv.js'
import { rulesJson } from './rules-json.js'
import { tacticPage } from './tactic-page.js'
import { techniquePage } from './technique-page.js'
import type { WikiModel } from './wiki-model.js'
import { wikiPath } from './wiki-paths.js'

export interface CrossLinkOptions extends LayerOptions {
  /** Keeps the result between builds (the build cache's UnitStore); reused while no input changed. */
  cache?: { get<T>(key: string): T | undefined; put<T>(key: string, value: T): void }
  /** Mixed into the cache key: the tool's fingerprint. */
  cacheSalt?: string
}

/**
 * The cross-link pages (`wiki/…`), Navigator layers and exports, keyed by path relative to the output
 * folder. The ATC cards are not touched: every backlink lives on these pages (and in the site).
 */
export function buildCrossLinks(model: WikiModel, catalogue: CatalogueView, options: CrossLinkOptions = {}): Map<string, string> {
  return crossLinkPages(model, catalogue, options).files
}

export interface CrossLinks {
  files: Map<string, string>
  /**
   * The syntax tree each wiki page was printed from (`wiki/`-relative path → mdast), so the site can render
   * it without parsing the Markdown again. Absent when the files came from the cache.
   */
  trees?: Map<string, Root>
}

/** buildCrossLinks, also handing out the pages' syntax trees. */
export function crossLinkPages(model: WikiModel, catalogue: CatalogueView, options: CrossLinkOptions = {}): CrossLinks {
  const { cache, cacheSalt, ...layerOptions } = options
  if (!cache) return crossLinks(model, catalogue, layerOptions)
  const key = crossLinksKey(model, catalogue, layerOptions, cacheSalt ?? '')
  const hit = cache.get<[string, string][]>(key)
  if (hit) return { files: new Map(hit) }
  const built = crossLinks(model, catalogue, layerOptions, printedOnce(cache, cacheSalt ?? ''), { cache, base: pageKeyBase(model, catalogue, layerOptions, cacheSalt ?? ''), salt: cacheSalt ?? '' })
  cache.put(key, [...built.files])
  return built
}

/**
 * Printing is most of the cost of the pages; one rule edit changes only a few of them, so each page's
 * Markdown is kept by its tree (which determines it).
 */
function printedOnce(cache: NonNullable<CrossLinkOptions['cache']>, salt: string): (tree: Root) => string {
  return (tree) => {
    const key = hashOf(PRINT_VERSION, salt, JSON.stringify(tree))
    const hit = cache.get<string>(key)
    if (hit !== undefined) return hit
    const markdown = printInChunks(tree.children, cache, salt)
    cache.put(key, markdown)
    return markdown
  }
}

/** Bump when printMarkdown prints the same tree differently. */
const PRINT_VERSION = 'cross-link-page-2'

/** Technique and tactic pages kept by a key of what they show: a rule edit makes only its own pages again. */
interface PageKeys {
  cache: NonNullable<CrossLinkOptions['cache']>
  base: string
  /** The tool's fingerprint, for the printed chunks of long tables. */
  salt: string
}

function crossLinks(model: WikiModel, catalogue: CatalogueView, options: LayerOptions, print: (tree: Root) => string = (tree) => printMarkdown(tree.children), keys?: PageKeys): Required<CrossLinks> {
  const index = buildCoverageIndex(model, catalogue)
  const files = new Map<string, string>()
  const trees = new Map<string, Root>()
  const page = (path: string, tree: Root) => {
    trees.set(path, tree)
    files.set(`wiki/${path}`, print(tree))
  }
  const keptPage = (path: string, key: (base: string) => string, tree: () => Root) => {
    if (!keys) return page(path, tree())
    const pageKey = key(keys.base)
    const kept = keys.cache.get<string>(pageKey)
    if (kept !== undefined) return void files.set(`wiki/${path}`, kept)
    const built = tree()
    const markdown = printInChunks(built.children, keys.cache, keys.salt)
    trees.set(path, built)
    files.set(`wiki/${path}`, markdown)
    keys.cache.put(pageKey, markdown)
  }
  page(wikiPath.index, indexPage(model, index))
  page(wikiPath.coverage, coveragePage(index))
  page(wikiPath.conversionStatus, conversionStatusPage(index))
  for (const tactic of index.lookup.view.tactics) keptPage(wikiPath.tactic(tactic.id), (base) => tacticPageKey(base, tactic, index), () => tacticPage(tactic, index))
  for (const entry of index.techniques.values()) keptPage(wikiPath.technique(entry.id), (base) => techniquePageKey(base, entry, index), () => techniquePage(entry, index))
  for (const [path, content] of navigatorLayers(index, options)) files.set(path, content)
  files.set('analytics.csv', analyticsCsv(model))
  files.set('pivoting.csv', pivotingCsv(model))
  files.set('rules.json', rulesJson(model.rules))
  return { files, trees }
}
