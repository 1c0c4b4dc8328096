import type { AttackCatalogue } from './attack/index.js'
import type { Diagnostic } from './diagnostics.js'
import type { Inputs, LinkedRule } from './model.js'
import type { Root as MdastRoot } from 'mdast'
import { crossLinkPages, type WikiModel } from './crosslink/index.js'
import { buildSiteKeeping, checkLinks, type PageCache, type PageMemo } from './site/index.js'
import { keptFindings, type LinkProblem } from './site/page-memo.js'
import { contentOf, DeferredText, type HashMemo, type OutputFiles, type OutputStage } from './write/index.js'

export interface SiteInput {
  inputs: Inputs
  rules: LinkedRule[]
  catalogue: AttackCatalogue
  /** The wiki built so far (`wiki/…` cards); cross-link pages and the site are added to it. */
  files: OutputFiles
  base: string
  siteUrl?: string
  /** Keeps rendered page content between builds (the build cache's UnitStore); only changed pages re-render. */
  cache?: PageCache
  /** Mixed into the page cache keys (the tool's fingerprint). */
  cacheSalt?: string
  /** Site pages of the last build, kept by a process that builds again. */
  memo?: PageMemo
  /** Receives the content hashes of pages the memo hashed, for the write step (see HashMemo). */
  outputHashes?: HashMemo
  /** Where the write step's staging folder is: site pages go there as they are made (see OutputStage.put). */
  stage?: OutputStage
}

/**
 * Adds what is built on the cards: cross-link pages, Navigator layers and exports (`wiki/…`, `attack-navigator/…`,
 * `*.csv`, `rules.json`), then the HTML site (`site/…`), reporting every internal link that does not resolve.
 * Returns the site pages kept from the last build (with `memo`): output path → content hash, never in `files`.
 */
export function renderSite({ inputs, rules, catalogue, files, base, siteUrl, cache, cacheSalt, memo, outputHashes, stage }: SiteInput, diagnostics: Diagnostic[]): Map<string, string> {
  const { model, pages, downloads, downloadHashes, trees, modelKey } = sitePages({ inputs, rules, catalogue, files, base, siteUrl, cache, cacheSalt, outputHashes })
  const stagePage = stage && ((path: string, html: string, known: { hash: string; bytes?: Uint8Array } | undefined) => stage.put(`site/${path}`, html, known))
  const site = buildSiteKeeping(pages, model, catalogue, { base, downloads, diagnostics, cache, cacheSalt, trees, memo, modelKey, stage: stagePage })
  for (const [path, content] of site.files) files.set(`site/${path}`, content)
  for (const [path, hash] of site.hashes) {
    const content = site.files.get(path)!
    if (!(content instanceof DeferredText)) outputHashes?.set(`site/${path}`, { content, hash })
  }
  // The downloads are the exports again: the same text, with the hash it came with.
  for (const [path, hash] of downloadHashes) outputHashes?.set(`site/downloads/${path}`, { content: downloads.get(path)!, hash })
  // Wiki links the site cannot follow are reported by buildSite (`dangling-link`, at the card's line); this checks the HTML.
  const siteKey = site.siteKey
  const checked = memo && siteKey ? (path: string) => keptFindings(site.kept.get(path)!, siteKey) : undefined
  const found = checkLinks(site.files, { base, kept: site.kept, checked })
  if (memo && siteKey) memo.recordChecks(siteKey, problemsByPage(found))
  for (const d of found) diagnostics.push({ ...d, path: `site/${d.path}` })
  return new Map([...site.kept.values()].map((page) => [`site/${page.path}`, page.hash]))
}

/**
 * Adds the cross-link pages and exports to `files`, and splits them into the site's input: the wiki pages
 * (`wiki/`-relative path → Markdown), the downloads (everything else) and the cross-link pages' syntax trees.
 */
function sitePages({ inputs, rules, catalogue, files, siteUrl, cache, cacheSalt, outputHashes }: SiteInput): {
  model: WikiModel
  pages: Map<string, string | DeferredText>
  downloads: Map<string, string | Uint8Array>
  /** Content hashes of downloads known without hashing them (exports the cache kept with theirs). */
  downloadHashes: Map<string, string>
  trees?: Map<string, MdastRoot>
  modelKey?: string
} {
  const model: WikiModel = { rules, dataNeeded: inputs.dataNeeded, loggingPolicies: inputs.loggingPolicies, enrichments: inputs.enrichments, atomics: inputs.atomics }
  const crossLinks = crossLinkPages(model, catalogue, { siteUrl, cache, cacheSalt, hashes: outputHashes })
  for (const [path, content] of crossLinks.files) {
    const hash = crossLinks.hashes?.get(path)
    // With its hash known, the text is handed on as it is, and the write step and the page key take the hash.
    files.set(path, hash === undefined ? content : new DeferredText(hash, () => content))
  }
  const pages = new Map<string, string | DeferredText>()
  const downloads = new Map<string, string | Uint8Array>()
  const downloadHashes = new Map<string, string>()
  for (const [path, content] of files) {
    if (path.startsWith('wiki/')) {
      if (typeof content === 'string' || content instanceof DeferredText) pages.set(path.slice('wiki/'.length), content)
      continue
    }
    downloads.set(path, contentOf(content))
    if (content instanceof DeferredText) downloadHashes.set(path, content.hash)
  }
  return { model, pages, downloads, downloadHashes, trees: crossLinks.trees, modelKey: crossLinks.key }
}

function problemsByPage(found: readonly Diagnostic[]): Map<string, LinkProblem[]> {
  const byPage = new Map<string, LinkProblem[]>()
  for (const { path, ...problem } of found) {
    const list = byPage.get(path)
    if (list) list.push(problem)
    else byPage.set(path, [problem])
  }
  return byPage
}
