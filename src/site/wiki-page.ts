import { techniqueIdsOf } from '../crosslink/coverage-index.js'
import { ruleFacts } from '../crosslink/rule-facts.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import { BACKENDS, type LinkedRule } from '../model.js'
import { renderLayout } from './layout-page.js'
import { htmlPathOf } from './link-resolver.js'
import { Linker, type LinkRecord } from './linker.js'
import { hashOf } from '../cache/hash.js'
import { fromContent } from './page-cache.js'
import type { PageSource } from './page-contents.js'
import type { KeptPage, PageMemo } from './page-memo.js'
import type { PageState } from './page-plugins.js'
import { relatedGroups, relatedKey, relatedSpecs } from './related.js'
import { pageTitle, sectionOf, type SiteContext } from './site-context.js'
import { renderTemplate } from './templates.js'

export interface RenderedPage {
  path: string
  html: string
  links: LinkRecord[]
  ids: Set<string>
  /** What the Markdown pipeline found (wiki pages only). */
  state?: PageState
  title: string
  /** The HTML's content hash, when the page memo took it (the write step need not hash the page again). */
  hash?: string
  /** The HTML's UTF-8, when the page memo hashed it (the file is written from it, not encoded again). */
  encoded?: Uint8Array
}

/** Page kinds of the pages at the wiki root. */
const ROOT_KINDS: Record<string, string> = { 'index.md': 'home', 'Coverage.md': 'coverage', 'Conversion_Status.md': 'conversion' }

/** Related lists longer than this fold the rest into a "Show all" disclosure. */
const FOLD = 30

/** A wiki page's site page: made now, or kept as the last build wrote it (see PageMemo). */
export type SitePage = { made: RenderedPage; kept?: undefined } | { kept: KeptPage; made?: undefined }

/**
 * One wiki page (an ATC card or a cross-link page) as a site page, with its backlinks. With a memo,
 * a page whose content, backlinks and site are as in the last build is not made again.
 */
export function wikiSitePage(ctx: SiteContext, page: string, source: PageSource, memo?: { memo: PageMemo; siteKey: string }): SitePage {
  const path = htmlPathOf(page)
  const linker = new Linker(path)
  const related = relatedSpecs(ctx, page)
  // The rest of the page is the rule's (its stamp is in the identity), the catalogue's and the site's.
  const key = memo && source.identity ? hashOf(memo.siteKey, page, source.identity, relatedKey(ctx, related)) : undefined
  const kept = key === undefined ? undefined : memo!.memo.reuse(page, key)
  if (kept) return { kept }
  const groups = relatedGroups(ctx, related, linker)
  const made = source.content()
  const { html: content, state } = fromContent(made, page, ctx.site)
  const section = sectionOf(page)
  const rule = ctx.ruleByPage.get(page)
  const title = pageTitle(ctx, page, state.title)
  const before = rule ? ruleHeader(ctx, rule, linker) : ''
  const after = renderTemplate('related', { groups, fold: FOLD })
  const html = renderLayout(ctx, { path, title, kind: section?.kind ?? ROOT_KINDS[page] ?? 'page', section: section?.dir, content, before, after, linker })
  const rendered: RenderedPage = { path, html, links: [...state.links, ...linker.links], ids: state.ids, state, title }
  if (key !== undefined) {
    const { hash, bytes } = memo!.memo.keep(page, key, rendered, [source.identity, ...(made.parts ?? [])])
    rendered.hash = hash
    rendered.encoded = bytes
  }
  return { made: rendered }
}

/** Level, status, log source and conversions at a glance, and the rule's ATT&CK pages on this wiki. */
function ruleHeader(ctx: SiteContext, rule: LinkedRule, linker: Linker): string {
  const f = ruleFacts(rule)
  const attack = [
    ...techniqueIdsOf(rule).map((id) => {
      const name = ctx.index.lookup.fullName(id)
      return { href: linker.toPage(wikiPath.technique(id), ctx.site.pages), label: name ? `${id} ${name}` : id }
    }),
    ...[...new Set(rule.links.tactics.map((t) => t.id))].map((id) => ({
      href: linker.toPage(wikiPath.tactic(id), ctx.site.pages),
      label: `${id} ${ctx.index.lookup.tactic(id)?.name ?? ''}`.trim(),
    })),
  ].filter((a) => a.href)
  return renderTemplate('rule-header', {
    level: f.level,
    status: f.status,
    logsource: f.logsource,
    converted: f.outcomes.filter((c) => c.ok).length,
    backends: BACKENDS.length,
    attack,
  })
}
