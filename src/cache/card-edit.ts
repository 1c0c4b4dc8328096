import { readFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import type { BuildConfig } from '../config.js'
import type { BuildResult } from '../build.js'
import { recordedFactsStamp } from '../crosslink/facts-stamp.js'
import { perRule } from '../crosslink/per-rule.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import { displayPath } from '../load/display-path.js'
import type { DataSource, LinkedRule, RuleSource } from '../model.js'
import { htmlPathOf } from '../site/link-resolver.js'
import { siteIndexOf } from '../site/site-context.js'
import { hashOf } from './hash.js'
import type { ListedInputs } from './list-inputs.js'
import { settingsText } from './build-state.js'
import { saveCacheFile } from './save-cache-file.js'

/**
 * What the last full build knew of each rule that an edit may change by its own pages alone: a rule with
 * no diagnostic, alone in making its card, by the stamp of what the cross-link pages read of it (see
 * factsStamp). An edit that leaves that stamp as it was (a query, a comment, a false positive) changes
 * only the rule's card and its site page (see editCards).
 */
export interface CardEditIndex {
  /** The tool, settings, converter configs and the list of input files this holds for (see cardContextKey). */
  context: string
  rules: Map<string, { factsStamp: string; card: string; page?: string }>
  /** What linking an edited rule reads besides the catalogue (valid while no atc-data file changed). */
  dataNeeded: DataSource[]
  enrichments: DataSource[]
}

/** Bump when CardEditIndex changes shape or what a card-only edit may skip. */
const FORMAT = 'card-edit-index-2'

/**
 * What the index holds for: anything else changed (a file added, a setting, the working folder that shown
 * paths are relative to), and every page may change.
 */
export function cardContextKey(config: BuildConfig, tool: string, convertKey: string, listed: ListedInputs): string {
  return hashOf(FORMAT, tool, convertKey, settingsText(config), process.cwd(), ...[...listed.triggerFolders].sort(), '\0', ...listed.files.map((f) => `${f.kind}\0${f.path}\0${f.techniqueId ?? ''}`))
}

/** The index of a build that made `rules`, wrote `manifest` and reported `diagnostics`. */
export function cardEditIndex(context: string, { rules, inputs, diagnostics }: Pick<BuildResult, 'rules' | 'inputs' | 'diagnostics'>, manifest: ReadonlyMap<string, string>, site: boolean): CardEditIndex {
  const reported = new Set(diagnostics.map((d) => d.path))
  const cards = new Map<string, number>()
  for (const rule of rules) cards.set(pathsOf(rule).card, (cards.get(pathsOf(rule).card) ?? 0) + 1)
  const index: CardEditIndex = { context, rules: new Map(), dataNeeded: plain(inputs.dataNeeded), enrichments: plain(inputs.enrichments) }
  for (const rule of rules) {
    const { card, sitePage, shown } = pathsOf(rule)
    const page = site ? sitePage : undefined
    const factsStamp = recordedFactsStamp(rule)
    if (factsStamp === undefined || cards.get(card) !== 1 || !manifest.has(card) || (page && !manifest.has(page))) continue
    if (reported.has(rule.source.path) || reported.has(shown) || reported.has(card) || (page && reported.has(page))) continue
    index.rules.set(rule.source.path, { factsStamp, card, page })
  }
  return index
}

/** Where a rule's card and site page are, and its path as diagnostics show it: kept per rule object. */
const pathsOf = perRule((rule) => {
  const page = wikiPath.rule(rule.source.stem)
  return { card: `wiki/${page}`, sitePage: `site/${htmlPathOf(page)}`, shown: displayPath(rule.source.path) }
})

/** Data sources as plain data (a source may carry what the build read of it). */
function plain(sources: readonly DataSource[]): DataSource[] {
  return sources.map(({ path, stem, text, doc, title }) => ({ path, stem, text, doc, title }))
}

export function readCardEditIndex(file: string): CardEditIndex | undefined {
  try {
    const saved = deserialize(readFileSync(file)) as { format: string; index: CardEditIndex }
    return saved.format === FORMAT && saved.index.rules instanceof Map ? saved.index : undefined
  } catch {
    return undefined
  }
}

export function writeCardEditIndex(file: string, index: CardEditIndex): void {
  saveCacheFile(file, serialize({ format: FORMAT, index }))
}

/** The site's pages and files as the manifest of the last build lists them (what the site index was made of). */
export function siteIndexOfManifest(manifest: ReadonlyMap<string, string>) {
  const pages: string[] = []
  const downloads: string[] = []
  for (const rel of manifest.keys()) {
    if (rel.startsWith('wiki/')) pages.push(rel.slice('wiki/'.length))
    else if (!rel.startsWith('site/')) downloads.push(rel)
  }
  return siteIndexOf(pages, downloads)
}

/**
 * The site page of an edited rule, from the page the last build wrote: the content between the layout's
 * `<article class="content">` and `</article>` is replaced (everything around it shows only what the
 * unchanged facts stamp covers). Undefined when the page cannot be split so.
 */
export function splicedPage(oldHtml: string, content: string): string | undefined {
  const open = '<article class="content">'
  const close = '</article>'
  const start = oldHtml.indexOf(open)
  const end = oldHtml.lastIndexOf(close)
  if (start < 0 || end < start || oldHtml.indexOf(open, start + 1) >= 0 || oldHtml.indexOf(close) !== end) return undefined
  if (content.includes(open) || content.includes(close) || content.trim() === '') return undefined
  // The whitespace around the content is the layout's and the card's own ends (the same for every card):
  // only what lies between is replaced.
  const region = oldHtml.slice(start + open.length, end)
  const before = region.length - region.trimStart().length
  const after = region.length - region.trimEnd().length
  return `${oldHtml.slice(0, start + open.length)}${region.slice(0, before)}${content.trim()}${region.slice(region.length - after)}${oldHtml.slice(end)}`
}

/** The rule as a build sees it, from a unit computed now. */
export function linkedRule(source: Pick<RuleSource, 'path' | 'stem'>, text: string, documents: RuleSource['documents'], links: LinkedRule['links'], conversions: LinkedRule['conversions']): LinkedRule {
  return { source: { ...source, text, documents } as RuleSource, links, conversions }
}
