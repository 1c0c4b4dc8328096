import type { Root } from 'mdast'
import { analyticsCsv, analyticsCsvParts } from './analytics-csv.js'
import type { CatalogueView } from './catalogue-view.js'
import { conversionStatusPage } from './conversion-status-page.js'
import { buildCoverageIndex } from './coverage-index.js'
import { coveragePage } from './coverage-page.js'
import { crossLinksKey } from './cross-links-key.js'
import { FragmentMemo } from './fragment-memo.js'
import { indexPage } from './index-page.js'
import { printMarkdown } from './markdown.js'
import { printInChunks } from './print-in-chunks.js'
import { longTables } from './table-chunks.js'
import { hashOf } from '../cache/hash.js'
import type { KeyedStore } from '../cache/unit-store.js'
import type { HashMemo } from '../write/index.js'
import { navigatorLayers, type LayerOptions } from './navigator-layers.js'
import { pageKeyBase, tacticPageKey, techniquePageKey } from './page-keys.js'
import { pivotingCsv } from './pivoting-csv.js'
import { rulesJson, RULES_JSON_PARTS } from './rules-json.js'
import { tacticPage } from './tactic-page.js'
import { techniquePage } from './technique-page.js'
import type { WikiModel } from './wiki-model.js'
import { wikiPath } from './wiki-paths.js'

/** Where pages and printed chunks are kept between builds, recording what they use (see crossLinkPages). */
type PageStore = Required<KeyedStore>

export interface CrossLinkOptions extends LayerOptions {
  /** Keeps the result between builds (the build cache's UnitStore); reused while no input changed. */
  cache?: KeyedStore
  /** Mixed into the cache key: the tool's fingerprint. */
  cacheSalt?: string
  /**
   * The content hashes of the last build's outputs, kept by a process that builds again (see HashMemo): a
   * file with the text it had then is not hashed again. Updated with the files hashed now.
   */
  hashes?: HashMemo
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
  /** With a cache: the key of everything the pages show of the model (see crossLinksKey), for what else derives from it. */
  key?: string
  /**
   * Content hashes (`hashOf(text)`, as the write step takes them) of the files whose hash the cache kept with
   * them, by path: an edit keeps most pages, and hashing them again to learn they did not change cost more
   * than anything else done with them.
   */
  hashes?: Map<string, string>
}

/** buildCrossLinks, also handing out the pages' syntax trees. */
export function crossLinkPages(model: WikiModel, catalogue: CatalogueView, options: CrossLinkOptions = {}): CrossLinks {
  const { cache, cacheSalt, hashes: lastHashes, ...layerOptions } = options
  if (!cache) return crossLinks(model, catalogue, layerOptions)
  const key = crossLinksKey(model, catalogue, layerOptions, cacheSalt ?? '')
  const hit = cache.get<{ files: [string, string][]; keys: string[]; hashes?: [string, string][] }>(key)
  if (hit) {
    // The pages' own entries are not read now, but the next edit needs them.
    cache.keep?.(hit.keys)
    return { files: new Map(hit.files), key, hashes: new Map(hit.hashes) }
  }
  const keys: string[] = []
  // Every entry the pages are made from, so a later hit can keep them (see UnitStore.keep).
  const recording: PageStore = {
    get: (k) => (keys.push(k), cache.get(k)),
    put: (k, v, json) => (keys.push(k), cache.put(k, v, json)),
    keep: (ks) => {
      for (const k of ks) keys.push(k)
      cache.keep?.(ks)
    },
  }
  const salt = cacheSalt ?? ''
  const built = crossLinks(model, catalogue, layerOptions, printedOnce(recording, salt), { cache: recording, base: pageKeyBase(model, catalogue, layerOptions, salt), salt })
  // Every file hashed now (the write step would hash the rest anyway): a build that finds this entry (an
  // edit no cross-link page shows) then hashes none of its 10 MB.
  for (const [path, text] of built.files) if (!built.hashes.has(path)) built.hashes.set(path, hashAgain(lastHashes, path, text))
  // Serialised, not JSON: 10 MB of Markdown and exports on the corpus, which JSON escapes at twice the cost.
  cache.put(key, { files: [...built.files], keys, hashes: [...built.hashes] })
  return { ...built, key }
}

/** hashOf(text), or the hash `last` has for `path` when the text is the same (most exports after an edit). */
function hashAgain(last: HashMemo | undefined, path: string, text: string): string {
  const known = last?.get(path)
  if (known && known.content === text) return known.hash
  const hash = hashOf(text)
  last?.set(path, { content: text, hash })
  return hash
}

/** A page's Markdown as kept in the cache, with the printed chunks of its long tables (still needed while it is kept). */
interface KeptMarkdown {
  markdown: string
  keys: string[]
  /** hashOf(markdown). */
  hash: string
}

/** A page's Markdown, with its content hash when that is known without hashing it now. */
interface Printed {
  text: string
  hash?: string
}

/** The page's Markdown from the cache under `key`, or printed (long tables in chunks) and kept there. */
function keptMarkdown(cache: PageStore, key: string, salt: string, tree: () => Root, built?: (tree: Root) => void): Printed {
  const kept = cache.get<KeptMarkdown>(key)
  if (kept !== undefined) {
    cache.keep(kept.keys)
    return { text: kept.markdown, hash: kept.hash }
  }
  const root = tree()
  built?.(root)
  const { text, keys } = printInChunks(root.children, cache, salt)
  // Hashed once here: the write step and the site's page key would each hash it, in this build and every later one.
  const hash = hashOf(text)
  cache.put(key, { markdown: text, keys, hash } satisfies KeptMarkdown, true)
  return { text, hash }
}

/**
 * Printing is most of the cost of the pages; one rule edit changes only a few of them, so each page's
 * Markdown is kept by its tree (which determines it).
 */
function printedOnce(cache: PageStore, salt: string): (tree: Root) => Printed {
  return (tree) => {
    // A page with long tables is kept chunk by chunk; keying it whole would serialise every row once more.
    if (longTables(tree.children).length > 0) return { text: printInChunks(tree.children, cache, salt).text }
    return keptMarkdown(cache, hashOf(PRINT_VERSION, salt, JSON.stringify(tree)), salt, () => tree)
  }
}

/** Bump when the exports' kept parts change shape. */
const EXPORT_PARTS_VERSION = 'export-parts-1'

/** Bump when printMarkdown prints the same tree differently. */
const PRINT_VERSION = 'cross-link-page-4'

/** Technique and tactic pages kept by a key of what they show: a rule edit makes only its own pages again. */
interface PageKeys {
  cache: PageStore
  base: string
  /** The tool's fingerprint, for the printed chunks of long tables. */
  salt: string
}

function crossLinks(model: WikiModel, catalogue: CatalogueView, options: LayerOptions, print: (tree: Root) => Printed = (tree) => ({ text: printMarkdown(tree.children) }), keys?: PageKeys): Required<Omit<CrossLinks, 'key'>> {
  const index = buildCoverageIndex(model, catalogue)
  const files = new Map<string, string>()
  const trees = new Map<string, Root>()
  const hashes = new Map<string, string>()
  const set = (path: string, { text, hash }: Printed) => {
    files.set(path, text)
    if (hash !== undefined) hashes.set(path, hash)
  }
  const page = (path: string, tree: Root) => {
    trees.set(path, tree)
    set(`wiki/${path}`, print(tree))
  }
  const keptPage = (path: string, key: (base: string) => string, tree: () => Root) => {
    if (!keys) return page(path, tree())
    set(`wiki/${path}`, keptMarkdown(keys.cache, key(keys.base), keys.salt, tree, (built) => trees.set(path, built)))
  }
  page(wikiPath.index, indexPage(model, index))
  page(wikiPath.coverage, coveragePage(index))
  page(wikiPath.conversionStatus, conversionStatusPage(index))
  for (const tactic of index.lookup.view.tactics) keptPage(wikiPath.tactic(tactic.id), (base) => tacticPageKey(base, tactic, index), () => tacticPage(tactic, index))
  for (const entry of index.techniques.values()) keptPage(wikiPath.technique(entry.id), (base) => techniquePageKey(base, entry, index), () => techniquePage(entry, index))
  // The layers and exports are made from every rule: with a cache, their parts are kept (one edit makes few again).
  const parts = (name: string) => keys && new FragmentMemo(keys.cache, hashOf(EXPORT_PARTS_VERSION, keys.salt, name))
  const layerParts = parts('attack-navigator')
  const csvParts = parts(analyticsCsvParts(model))
  const jsonParts = parts(RULES_JSON_PARTS)
  for (const [path, content] of navigatorLayers(index, options, keys && layerParts && { memo: layerParts, base: keys.base })) files.set(path, content)
  files.set('analytics.csv', analyticsCsv(model, csvParts))
  files.set('pivoting.csv', pivotingCsv(model))
  files.set('rules.json', rulesJson(model.rules, jsonParts))
  for (const memo of [layerParts, csvParts, jsonParts]) memo?.save()
  return { files, trees, hashes }
}
