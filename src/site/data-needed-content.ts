import { readDataNeeded } from '../load/atc-data-model.js'
import type { DataSource } from '../model.js'
import { CardBuilder, type CardRow, type CardSection } from './card-content.js'
import type { SiteIndex } from './link-resolver.js'
import { renderMarkdownParts } from './markdown-processor.js'
import type { CachedContent } from './page-cache.js'

/**
 * A Data Needed card's content on the site, from its file: the ATC card's rows (text, as written) and its
 * log samples as code, which is most of the card and nothing to parse.
 */
export function dataNeededContent(source: DataSource, page: string, markdown: string, site: SiteIndex): CachedContent {
  const dn = readDataNeeded(source).value
  const card = new CardBuilder(page, markdown, site, renderMarkdownParts)
  const rows: CardRow[] = [
    { label: 'Author', text: dn.author },
    { label: 'Description', text: dn.description },
    { label: 'Logging Policy', items: dn.loggingPolicy.map((p) => (p === null ? { label: 'Not existing' } : card.wikiLink(`../Logging_Policies/${p}.md`, p))) },
  ]
  if (dn.mitigationPolicy !== null) rows.push({ label: 'Mitigation Policy', items: dn.mitigationPolicy.map((p) => card.wikiLink(`../Mitigation_Policies/${p}.md`, p)) })
  rows.push(
    { label: 'References', items: dn.references.map((r) => card.web(r)) },
    { label: 'Platform', text: dn.platform },
    { label: 'Type', text: dn.type },
    { label: 'Channel', text: dn.channel },
    { label: 'Provider', text: dn.provider },
    { label: 'Fields', items: dn.fields.map((label) => ({ label })) },
  )
  const sections: CardSection[] = []
  if (dn.sample !== null) sections.push({ level: 2, heading: 'Log Samples' }, { level: 3, heading: 'Raw Log', code: dn.sample })
  if (dn.enrichedSample !== null) sections.push({ level: 3, heading: 'Enriched Log', code: dn.enrichedSample })
  return card.finish(dn.title, rows, sections)
}
