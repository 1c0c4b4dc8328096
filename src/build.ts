import { otherInputDirs, type BuildConfig } from './config.js'
import type { Diagnostic } from './diagnostics.js'
import { compareDiagnostics } from './diagnostics.js'
import { loadAtomics, loadDataSources, loadRules } from './load/index.js'
import type { Inputs, LinkedRule } from './model.js'
import { createProgress, type Progress } from './progress.js'
import { loadCatalogue, type AttackCatalogue } from './attack/index.js'
import { linkRule } from './link/index.js'
import { convertAll } from './convert-all.js'
import { renderWiki, type CardOutcome } from './render-wiki.js'
import { renderSite } from './render-site.js'
import type { PageCache, PageMemo } from './site/index.js'
import type { HashMemo, OutputFiles, OutputStage } from './write/index.js'

export interface BuildResult {
  files: OutputFiles
  /** Output files the last build wrote that are still right (output path → content hash); never in `files`. */
  kept?: Map<string, string>
  diagnostics: Diagnostic[]
  rules: LinkedRule[]
  inputs: Inputs
}

/** The whole build as a list of named steps; each takes data and returns data. Nothing is written here. */
export function build(config: BuildConfig, progress: Progress = createProgress({ quiet: true })): BuildResult {
  const catalogue = progress.task('catalogue', () => loadCatalogue())
  const { inputs, diagnostics } = progress.task('load', () => load(config))
  const linked = progress.task('link', () => link(inputs, catalogue))
  const rules = progress.task('convert', () => convertAll(linked, config, diagnostics))
  return assemble({ config, catalogue, inputs, rules, diagnostics }, progress)
}

/** What the per-file steps (load, link, convert, and possibly the cards) hand to the rest of the build. */
export interface Assembly {
  config: BuildConfig
  catalogue: AttackCatalogue
  inputs: Inputs
  rules: LinkedRule[]
  diagnostics: Diagnostic[]
  /** Cards already rendered (by a cache or a worker), keyed by their source object. */
  cards?: ReadonlyMap<object, CardOutcome>
  /** Receives the content hashes cards came with (path → content and hash), for the write step. */
  outputHashes?: HashMemo
  /** Rendered site page content kept between builds (the build cache), and the salt of its keys. */
  pageCache?: { cache: PageCache; salt: string; memo?: PageMemo }
  /** The write step's staging folder, when site pages are to go there as they are made (see OutputStage). */
  stage?: OutputStage
}

/** The steps over the whole model: the wiki tree (cards rendered here unless given), then everything built on it. */
export function assemble({ config, catalogue, inputs, rules, diagnostics, cards, pageCache, outputHashes, stage }: Assembly, progress: Progress = createProgress({ quiet: true })): BuildResult {
  const files = progress.task('render wiki', () => renderWiki({ inputs, rules, catalogue }, diagnostics, cards, outputHashes))
  const kept = config.site ? progress.task('render site', () => renderSite({ inputs, rules, catalogue, files, base: config.base, siteUrl: config.siteUrl, cache: pageCache?.cache, cacheSalt: pageCache?.salt, memo: pageCache?.memo, outputHashes, stage }, diagnostics)) : undefined
  diagnostics.sort(compareDiagnostics)
  return { files, kept, diagnostics, rules, inputs }
}

export function load(config: BuildConfig): { inputs: Inputs; diagnostics: Diagnostic[] } {
  const rules = loadRules(config.rules, (dir) => otherInputDirs(config, dir))
  const dataNeeded = loadDataSources(config.dataNeeded, 'Data Needed', otherInputDirs(config, config.dataNeeded))
  const loggingPolicies = loadDataSources(config.loggingPolicies, 'Logging Policy', otherInputDirs(config, config.loggingPolicies))
  const enrichments = loadDataSources(config.enrichments, 'Enrichment', otherInputDirs(config, config.enrichments))
  const atomics = loadAtomics(config.triggers)
  return {
    inputs: {
      rules: rules.rules,
      dataNeeded: dataNeeded.items,
      loggingPolicies: loggingPolicies.items,
      enrichments: enrichments.items,
      atomics: atomics.atomics,
      triggerFolders: atomics.triggerFolders,
    },
    diagnostics: [...rules.diagnostics, ...dataNeeded.diagnostics, ...loggingPolicies.diagnostics, ...enrichments.diagnostics, ...atomics.diagnostics],
  }
}

export function link(inputs: Inputs, catalogue: AttackCatalogue): LinkedRule[] {
  return inputs.rules.map((source) => ({ source, links: linkRule(source, inputs, catalogue), conversions: [] }))
}
