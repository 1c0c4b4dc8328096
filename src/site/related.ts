import { factsStamp } from '../crosslink/facts-stamp.js'
import { compareRules, list, ruleFacts } from '../crosslink/rule-facts.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import type { DataSource, LinkedRule } from '../model.js'
import { htmlPathOf } from './link-resolver.js'
import type { Linker } from './linker.js'
import type { SiteContext } from './site-context.js'

export interface RelatedItem {
  href: string
  label: string
  /** Short text after the label (level, id…). */
  meta?: string
  /** Rule level, for its badge. */
  level?: string
}

export interface RelatedGroup {
  heading: string
  items: RelatedItem[]
  /** Shown when the group is empty. */
  empty?: string
}

/**
 * A related group before its links are made: the rules or atc-data sources it lists. A page kept from the
 * last build needs only the group's key (see relatedKey), not its items: the Data Needed and Logging Policy
 * pages list up to a thousand rules each, and making every item's link on every build cost 0.1 s.
 */
export type RelatedSpec =
  | { heading: string; rules: readonly LinkedRule[]; empty: string }
  | { heading: string; sources: readonly DataSource[]; empty?: string }
  | { heading: string; technique: { id: string; label: string; meta: string } }

type RelatedHandler = (ctx: SiteContext, page: string) => RelatedSpec[]

/** "Referenced by" sections, per section: what points at the page, which the ATC card itself cannot show. */
const HANDLERS: Record<string, RelatedHandler> = {
  Data_Needed(ctx, page) {
    const dn = ctx.sourceByPage.get(page)
    if (!dn) return []
    const enrichments = ctx.model.enrichments.filter((e) => [...list(e.doc.data_needed), ...list(e.doc.data_to_enrich)].includes(dn.title))
    return [
      { heading: 'Detection rules that need this data', rules: ctx.index.rulesByDataNeeded.get(dn.title) ?? [], empty: 'No detection rule needs this data yet.' },
      ...(enrichments.length ? [{ heading: 'Enrichments that use it', sources: enrichments }] : []),
    ]
  },
  Logging_Policies(ctx, page) {
    const lp = ctx.sourceByPage.get(page)
    if (!lp) return []
    const dns = ctx.model.dataNeeded.filter((d) => list(d.doc.loggingpolicy).includes(lp.title))
    const rules = unique(dns.flatMap((d) => ctx.index.rulesByDataNeeded.get(d.title) ?? [])).sort(compareRules)
    return [
      { heading: 'Data Needed this policy produces', sources: dns, empty: 'No Data Needed refers to this policy.' },
      { heading: 'Detection rules that need that data', rules, empty: 'No detection rule needs that data yet.' },
    ]
  },
  Enrichments(ctx, page) {
    const en = ctx.sourceByPage.get(page)
    if (!en) return []
    const rules = ctx.index.rulesByEnrichment.get(en.title) ?? []
    return [{ heading: 'Detection rules that ask for it', rules, empty: 'No detection rule asks for this enrichment.' }]
  },
  Triggers(ctx, page) {
    const id = page.replace(/^Triggers\//, '').replace(/\.md$/, '')
    const technique = ctx.index.techniques.get(id)
    const name = ctx.index.lookup.fullName(id)
    return [
      ...(technique ? [{ heading: 'Technique', technique: { id, label: name ? `${id}: ${name}` : id, meta: `${technique.rules.length} rules on this wiki` } }] : []),
      { heading: 'Detection rules this trigger should fire', rules: ctx.index.rulesByTrigger.get(id.toUpperCase()) ?? [], empty: 'No detection rule lists this trigger.' },
    ]
  },
}

/** What the page lists besides its own content (cheap: no links made). */
export function relatedSpecs(ctx: SiteContext, page: string): RelatedSpec[] {
  const handler = HANDLERS[page.split('/')[0]]
  return handler ? handler(ctx, page) : []
}

/**
 * A key that changes whenever the groups' items may: each listed rule's facts stamp (its title, level,
 * log source, stem), each source's title and page. Which pages exist is the site key's part.
 */
export function relatedKey(ctx: SiteContext, specs: readonly RelatedSpec[]): string {
  const parts: string[] = []
  for (const spec of specs) {
    parts.push(spec.heading)
    if ('rules' in spec) for (const rule of spec.rules) parts.push(factsStamp(rule))
    else if ('sources' in spec) for (const source of spec.sources) parts.push(source.title, ctx.pageOfSource.get(source) ?? '')
    else parts.push(spec.technique.id, spec.technique.label, spec.technique.meta)
    parts.push('\0')
  }
  return parts.join('\n')
}

/** The groups with their links, as the page shows them. */
export function relatedGroups(ctx: SiteContext, specs: readonly RelatedSpec[], linker: Linker): RelatedGroup[] {
  return specs.map((spec) => {
    if ('rules' in spec) return rulesGroup(ctx, linker, spec.heading, spec.rules, spec.empty)
    if ('sources' in spec) return { heading: spec.heading, items: sourceLinks(ctx, linker, spec.sources), ...(spec.empty ? { empty: spec.empty } : {}) }
    const { id, label, meta } = spec.technique
    return { heading: spec.heading, items: [{ href: linker.toPage(wikiPath.technique(id), ctx.site.pages), label, meta }] }
  })
}

export function rulesGroup(ctx: SiteContext, linker: Linker, heading: string, rules: readonly LinkedRule[], empty: string): RelatedGroup {
  return {
    heading: `${heading} (${rules.length})`,
    items: rules.map((r) => {
      const f = ruleFacts(r)
      return { href: linker.toPage(wikiPath.rule(r.source.stem), ctx.site.pages), label: f.title, meta: f.logsource || undefined, level: f.level || undefined }
    }),
    empty,
  }
}

/** Links to the pages of Data Needed / Logging Policies / Enrichments (plain text when one has no page). */
function sourceLinks(ctx: SiteContext, linker: Linker, sources: readonly DataSource[]): RelatedItem[] {
  return sources.map((s) => {
    const page = ctx.pageOfSource.get(s)
    return { href: page ? linker.to(htmlPathOf(page)) : '', label: s.title }
  })
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
