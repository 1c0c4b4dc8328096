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

type RelatedHandler = (ctx: SiteContext, page: string, linker: Linker) => RelatedGroup[]

/** "Referenced by" sections, per section: what points at the page, which the ATC card itself cannot show. */
const HANDLERS: Record<string, RelatedHandler> = {
  Data_Needed(ctx, page, linker) {
    const dn = ctx.sourceByPage.get(page)
    if (!dn) return []
    const enrichments = ctx.model.enrichments.filter((e) => [...list(e.doc.data_needed), ...list(e.doc.data_to_enrich)].includes(dn.title))
    return [
      rulesGroup(ctx, linker, 'Detection rules that need this data', ctx.index.rulesByDataNeeded.get(dn.title) ?? [], 'No detection rule needs this data yet.'),
      ...(enrichments.length ? [{ heading: 'Enrichments that use it', items: sourceLinks(ctx, linker, enrichments) }] : []),
    ]
  },
  Logging_Policies(ctx, page, linker) {
    const lp = ctx.sourceByPage.get(page)
    if (!lp) return []
    const dns = ctx.model.dataNeeded.filter((d) => list(d.doc.loggingpolicy).includes(lp.title))
    const rules = unique(dns.flatMap((d) => ctx.index.rulesByDataNeeded.get(d.title) ?? [])).sort(compareRules)
    return [
      { heading: 'Data Needed this policy produces', items: sourceLinks(ctx, linker, dns), empty: 'No Data Needed refers to this policy.' },
      rulesGroup(ctx, linker, 'Detection rules that need that data', rules, 'No detection rule needs that data yet.'),
    ]
  },
  Enrichments(ctx, page, linker) {
    const en = ctx.sourceByPage.get(page)
    if (!en) return []
    const rules = ctx.index.rules.filter((r) => ruleFacts(r).enrichments.includes(en.title))
    return [rulesGroup(ctx, linker, 'Detection rules that ask for it', rules, 'No detection rule asks for this enrichment.')]
  },
  Triggers(ctx, page, linker) {
    const id = page.replace(/^Triggers\//, '').replace(/\.md$/, '')
    const technique = ctx.index.techniques.get(id)
    const name = ctx.index.lookup.fullName(id)
    return [
      ...(technique ? [{ heading: 'Technique', items: [{ href: linker.toPage(wikiPath.technique(id), ctx.site.pages), label: name ? `${id}: ${name}` : id, meta: `${technique.rules.length} rules on this wiki` }] }] : []),
      rulesGroup(ctx, linker, 'Detection rules this trigger should fire', ctx.index.rulesByTrigger.get(id.toUpperCase()) ?? [], 'No detection rule lists this trigger.'),
    ]
  },
}

export function relatedGroups(ctx: SiteContext, page: string, linker: Linker): RelatedGroup[] {
  const handler = HANDLERS[page.split('/')[0]]
  return handler ? handler(ctx, page, linker) : []
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
