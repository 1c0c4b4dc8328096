import { readLoggingPolicy } from '../load/atc-data-model.js'
import type { DataSource } from '../model.js'
import { CardBuilder } from './card-content.js'
import type { SiteIndex } from './link-resolver.js'
import { renderMarkdownParts } from './markdown-processor.js'
import type { CachedContent } from './page-cache.js'

/** A Logging Policy card's content on the site, from its file: the rows as text, the configuration as Markdown. */
export function loggingPolicyContent(source: DataSource, page: string, markdown: string, site: SiteIndex): CachedContent {
  const lp = readLoggingPolicy(source).value
  const card = new CardBuilder(page, markdown, site, renderMarkdownParts)
  return card.finish(
    lp.title,
    [
      { label: 'Author', text: lp.author },
      { label: 'Description', text: lp.description },
      { label: 'Default', text: lp.default },
      { label: 'Event Volume', text: lp.volume },
      { label: 'EventID', items: lp.eventId.map((label) => ({ label })) },
      { label: 'References', items: lp.references.map((r) => card.web(r)) },
    ],
    lp.configuration === null ? [] : [{ level: 2, heading: 'Configuration', markdown: lp.configuration }],
  )
}
