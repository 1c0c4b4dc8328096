import { analyticsCsv } from './analytics-csv.js'
import type { CatalogueView } from './catalogue-view.js'
import { conversionStatusPage } from './conversion-status-page.js'
import { buildCoverageIndex } from './coverage-index.js'
import { coveragePage } from './coverage-page.js'
import { crossLinksKey } from './cross-links-key.js'
import { indexPage } from './index-page.js'
import { navigatorLayers, type LayerOptions } from './navigator-layers.js'
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
  const { cache, cacheSalt, ...layerOptions } = options
  if (!cache) return crossLinks(model, catalogue, layerOptions)
  const key = crossLinksKey(model, catalogue, layerOptions, cacheSalt ?? '')
  const hit = cache.get<[string, string][]>(key)
  if (hit) return new Map(hit)
  const files = crossLinks(model, catalogue, layerOptions)
  cache.put(key, [...files])
  return files
}

function crossLinks(model: WikiModel, catalogue: CatalogueView, options: LayerOptions): Map<string, string> {
  const index = buildCoverageIndex(model, catalogue)
  const files = new Map<string, string>()
  files.set(`wiki/${wikiPath.index}`, indexPage(model, index))
  files.set(`wiki/${wikiPath.coverage}`, coveragePage(index))
  files.set(`wiki/${wikiPath.conversionStatus}`, conversionStatusPage(index))
  for (const tactic of index.lookup.view.tactics) files.set(`wiki/${wikiPath.tactic(tactic.id)}`, tacticPage(tactic, index))
  for (const entry of index.techniques.values()) files.set(`wiki/${wikiPath.technique(entry.id)}`, techniquePage(entry, index))
  for (const [path, content] of navigatorLayers(index, options)) files.set(path, content)
  files.set('analytics.csv', analyticsCsv(model))
  files.set('pivoting.csv', pivotingCsv(model))
  files.set('rules.json', rulesJson(model.rules))
  return files
}
