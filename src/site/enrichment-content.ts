import { readEnrichment } from '../load/atc-data-model.js'
import type { DataSource } from '../model.js'
import { CardBuilder, listRow, type CardItem } from './card-content.js'
import type { SiteIndex } from './link-resolver.js'
import { renderMarkdownParts } from './markdown-processor.js'
import type { CachedContent } from './page-cache.js'

/** An Enrichment card's content on the site, from its file: the rows as text and links, the config as Markdown. */
export function enrichmentContent(source: DataSource, page: string, markdown: string, site: SiteIndex): CachedContent {
  const en = readEnrichment(source).value
  const card = new CardBuilder(page, markdown, site, renderMarkdownParts)
  const items = (list: string[] | null, item: (value: string) => CardItem) => (list ?? []).map(item)
  const dataNeeded = (title: string) => card.wikiLink(`../Data_Needed/${title}.md`, title)
  return card.finish(
    en.title,
    [
      { label: 'Description', text: en.description },
      listRow('Data Needed', items(en.dataNeeded, dataNeeded), 'None'),
      listRow('Data to enrich', items(en.dataToEnrich, dataNeeded), 'None'),
      listRow('References', items(en.references, (r) => card.web(r)), 'None'),
      { label: 'Author', text: en.author },
      listRow('Requirements', items(en.requirements, (r) => card.wikiLink(`../Enrichments/${r}.md`, r)), 'None'),
      listRow('New fields', items(en.newFields, (label) => ({ label })), 'None'),
    ],
    [{ level: 3, heading: 'Config', markdown: en.config }],
  )
}
