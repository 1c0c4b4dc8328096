import { coverageMatrix } from '../crosslink/coverage-page.js'
import { techniqueIdsOf } from '../crosslink/coverage-index.js'
import { perRule } from '../crosslink/per-rule.js'
import { list, ruleFacts, text } from '../crosslink/rule-facts.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import { renderLayout } from './layout-page.js'
import { htmlPathOf } from './link-resolver.js'
import { Linker } from './linker.js'
import type { DataSource, LinkedRule } from '../model.js'
import { GENERATED, SECTIONS, type SiteContext } from './site-context.js'
import { renderTemplate } from './templates.js'
import type { RenderedPage } from './wiki-page.js'

const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'informational']

function page(ctx: SiteContext, path: string, title: string, kind: string, section: string | undefined, linker: Linker, content: string): RenderedPage {
  const html = renderLayout(ctx, { path, title, kind, section, content, linker })
  return { path, html, links: linker.links, ids: new Set(), title }
}

/** `Detection_Rules/index.html`: every rule in a table the client script sorts and filters. */
export function ruleIndexPage(ctx: SiteContext): RenderedPage {
  const path = GENERATED.sectionIndex('Detection_Rules')
  const linker = new Linker(path)
  const rows = ctx.index.rules.map(ruleIndexRow)
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort()
  const content = renderTemplate('rule-index', {
    count: rows.length,
    rows: ctx.index.rules.map((rule) => ruleRowHtml(rule, linker.toPage(wikiPath.rule(rule.source.stem), ctx.site.pages))).join(''),
    levels: distinct(rows.map((r) => r.level)).sort((a, b) => rankOf(a) - rankOf(b)),
    statuses: distinct(rows.map((r) => r.status)),
    tactics: ctx.index.lookup.view.tactics.filter((t) => ctx.index.tacticRules.has(t.id)),
    products: distinct(rows.map((r) => r.product)),
    categories: distinct(rows.map((r) => r.category)),
  })
  return page(ctx, path, 'Detection Rules', 'rule-index', 'Detection_Rules', linker, content)
}

/** A rule's row of the rule index, but for its link. */
const ruleIndexRow = perRule((rule) => {
  const f = ruleFacts(rule)
  const [product, category] = f.logsourceColumns
  return {
    title: f.title,
    id: f.id,
    level: f.level,
    rank: rankOf(f.level),
    status: f.status,
    tactics: [...new Set(rule.links.tactics.map((t) => t.id))].join(' '),
    product,
    category,
    logsource: f.logsource,
    techniques: techniqueIdsOf(rule).join(' '),
  }
})

/** A rule's row of the rule index as HTML, kept per rule object while its link is the same. */
function ruleRowHtml(rule: LinkedRule, href: string | undefined): string {
  const kept = rowHtmls(rule)
  if (kept.html === undefined || kept.href !== href) {
    kept.href = href
    kept.html = renderTemplate('rule-index-row', { ...ruleIndexRow(rule), href })
  }
  return kept.html
}

const rowHtmls = perRule((): { href?: string; html?: string } => ({}))

function rankOf(level: string): number {
  const i = LEVEL_ORDER.indexOf(level)
  return i < 0 ? LEVEL_ORDER.length : i
}

function sourceHref(ctx: SiteContext, linker: Linker, source: DataSource): string {
  const page = ctx.pageOfSource.get(source)
  return page ? linker.to(htmlPathOf(page)) : ''
}

interface Cell { text: string; href?: string; num?: boolean }
interface ListSpec { heading: string; lead?: string; columns: string[]; rows: { cells: Cell[]; muted?: boolean }[] }

type ListBuilder = (ctx: SiteContext, linker: Linker) => ListSpec

/** Index pages of the other sections, one builder per section. */
const LISTS: Record<string, ListBuilder> = {
  Data_Needed: (ctx, linker) => ({
    heading: 'Data Needed',
    lead: 'The log data detection rules need, with the number of rules that need each.',
    columns: ['Data Needed', 'Platform', 'Channel', 'Rules'],
    rows: ctx.model.dataNeeded.map((d) => ({ cells: [
      { text: d.title, href: sourceHref(ctx, linker, d) },
      { text: text(d.doc.platform) }, { text: text(d.doc.channel) },
      { text: String(ctx.index.rulesByDataNeeded.get(d.title)?.length ?? 0), num: true },
    ] })),
  }),
  Logging_Policies: (ctx, linker) => ({
    heading: 'Logging Policies',
    lead: 'How to configure the sources so that they produce the data needed.',
    columns: ['Logging Policy', 'Data Needed that use it'],
    rows: ctx.model.loggingPolicies.map((lp) => ({ cells: [
      { text: lp.title, href: sourceHref(ctx, linker, lp) },
      { text: String(ctx.model.dataNeeded.filter((d) => list(d.doc.loggingpolicy).includes(lp.title)).length), num: true },
    ] })),
  }),
  Enrichments: (ctx, linker) => ({
    heading: 'Enrichments',
    columns: ['Enrichment', 'Rules that ask for it'],
    rows: ctx.model.enrichments.map((e) => ({ cells: [
      { text: e.title, href: sourceHref(ctx, linker, e) },
      { text: String(ctx.index.rulesByEnrichment.get(e.title)?.length ?? 0), num: true },
    ] })),
  }),
  Triggers: (ctx, linker) => ({
    heading: 'Triggers',
    lead: 'Atomic Red Team tests, by technique, with the rules they should fire.',
    columns: ['Technique', 'Name', 'Rules'],
    rows: (ctx.sectionPages.get('Triggers') ?? []).map((p) => {
      const id = p.replace(/^Triggers\//, '').replace(/\.md$/, '')
      return { cells: [
        { text: id, href: linker.to(htmlPathOf(p)) },
        { text: ctx.index.lookup.fullName(id) ?? '' },
        { text: String(ctx.index.rulesByTrigger.get(id.toUpperCase())?.length ?? 0), num: true },
      ] }
    }),
  }),
  Tactics: (ctx, linker) => ({
    heading: 'Tactics',
    columns: ['Tactic', 'Name', 'Rules'],
    rows: ctx.index.lookup.view.tactics.filter((t) => ctx.site.pages.has(wikiPath.tactic(t.id))).map((t) => ({ cells: [
      { text: t.id, href: linker.toPage(wikiPath.tactic(t.id), ctx.site.pages) },
      { text: t.name },
      { text: String(ctx.index.tacticRules.get(t.id)?.length ?? 0), num: true },
    ] })),
  }),
  Techniques: (ctx, linker) => ({
    heading: 'Techniques',
    lead: 'Every ATT&CK technique with a page here: current ones, and revoked or deprecated ones that rules or tests still name.',
    columns: ['Technique', 'Name', 'Rules'],
    rows: [...ctx.index.techniques.values()].filter((e) => ctx.site.pages.has(wikiPath.technique(e.id))).map((e) => {
      const t = e.technique
      const note = !t ? ' (unknown)' : t.revoked ? ' (revoked)' : t.deprecated ? ' (deprecated)' : ''
      return { muted: !t || t.revoked || t.deprecated, cells: [
        { text: e.id, href: linker.toPage(wikiPath.technique(e.id), ctx.site.pages) },
        { text: (ctx.index.lookup.fullName(e.id) ?? '') + note },
        { text: String(e.rules.length), num: true },
      ] }
    }),
  }),
}

export function sectionIndexPages(ctx: SiteContext): RenderedPage[] {
  const pages = [ruleIndexPage(ctx)]
  for (const section of SECTIONS) {
    const build = LISTS[section.dir]
    if (!build) continue
    const path = GENERATED.sectionIndex(section.dir)
    const linker = new Linker(path)
    const spec = build(ctx, linker)
    pages.push(page(ctx, path, spec.heading, 'list', section.dir, linker, renderTemplate('list-index', spec)))
  }
  return pages
}

/** `Coverage.html`: the ATT&CK matrix, each technique linking to its page, coloured by rule count. */
export function matrixPage(ctx: SiteContext): RenderedPage {
  const path = GENERATED.coverage
  const linker = new Linker(path)
  const columns = coverageMatrix(ctx.index).map((c) => ({
    name: c.tacticName,
    href: linker.toPage(wikiPath.tactic(c.tacticId), ctx.site.pages),
    covered: c.cells.filter((x) => x.rules > 0).length,
    cells: c.cells.map((cell) => ({ ...cell, heat: heat(cell.rules), subs: cell.subTechniques, coveredSubs: cell.coveredSubTechniques, href: linker.toPage(wikiPath.technique(cell.id), ctx.site.pages) })),
  }))
  const parents = new Map(columns.flatMap((c) => c.cells.map((cell) => [cell.id, cell.rules] as const)))
  const layer = 'downloads/attack-navigator/layer.json'
  const content = renderTemplate('matrix', {
    columns,
    covered: [...parents.values()].filter((n) => n > 0).length,
    total: parents.size,
    layerHref: ctx.site.files.has(layer) ? linker.to(layer) : undefined,
  })
  return page(ctx, path, 'ATT&CK Coverage', 'coverage', undefined, linker, content)
}

function heat(rules: number): number {
  return rules === 0 ? 0 : rules === 1 ? 1 : rules < 5 ? 2 : rules < 10 ? 3 : rules < 25 ? 4 : 5
}

/** `404.html`: GitHub Pages serves it at any missing path, so its links are absolute under the base. */
export function notFoundPage(ctx: SiteContext): RenderedPage {
  const linker = new Linker(GENERATED.notFound, ctx.base, true)
  const content = renderTemplate('not-found', { rulesHref: linker.to(GENERATED.sectionIndex('Detection_Rules')), coverageHref: linker.to(GENERATED.coverage) })
  return page(ctx, GENERATED.notFound, 'Page not found', 'not-found', undefined, linker, content)
}

/** The home page when the pages have no `index.md`: the sections and their sizes. */
export function fallbackHomePage(ctx: SiteContext): RenderedPage {
  const linker = new Linker(GENERATED.home)
  const sections = SECTIONS.map((s) => ({ label: s.label, count: ctx.sectionPages.get(s.dir)?.length ?? 0, href: linker.to(GENERATED.sectionIndex(s.dir)) }))
  const content = renderTemplate('home-fallback', { name: ctx.name, rules: ctx.model.rules.length, sections })
  return page(ctx, GENERATED.home, ctx.name, 'home', undefined, linker, content)
}
