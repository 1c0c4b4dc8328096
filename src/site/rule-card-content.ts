import { list, ruleFacts } from '../crosslink/rule-facts.js'
import { universalNewlines } from '../link/atc-documents.js'
import type { LinkedRule } from '../model.js'
import { ruleCardLinks } from '../render/rule-card-view.js'
import { CardBuilder, listRow, textRow, type CardRow } from './card-content.js'
import type { SiteIndex } from './link-resolver.js'
import type { CachedContent } from './page-cache.js'

/**
 * A rule card's content on the site, from the model: the ATC card's rows and blocks. A Sigma rule's fields
 * are plain text, so they are shown as text.
 */
export function ruleCardContent(rule: LinkedRule, page: string, markdown: string, site: SiteIndex): CachedContent {
  const facts = ruleFacts(rule)
  const first = rule.source.documents.find((d) => typeof d === 'object' && d !== null && !Array.isArray(d)) ?? {}
  const view = ruleCardLinks(rule.links, rule.conversions)
  const card = new CardBuilder(page, markdown, site)
  const rows: CardRow[] = [
    { label: 'Description', text: facts.description },
    listRow('ATT&CK Tactic', view.tactics.map((t) => card.web(t.url, `${t.id}: ${t.name}`)), "This Detection Rule wasn't mapped to ATT&CK Tactic yet"),
    listRow('ATT&CK Technique', view.techniques.map((t) => card.web(t.url, `${t.id}: ${t.name}`)), "This Detection Rule wasn't mapped to ATT&CK Technique yet"),
    listRow('Data Needed', view.dataNeeded.map((d) => card.wikiLink(`../Data_Needed/${d}.md`, d)), 'There is no documented Data Needed for this Detection Rule yet'),
    listRow('Trigger', view.triggers.map((t) => card.wikiLink(`../Triggers/${t.id}.md`, `${t.id}: ${t.name}`)), 'There is no documented Trigger for this Detection Rule yet'),
    textRow('Severity Level', facts.level, "Severity Level for this Detection Rule wasn't defined yet"),
    listRow('False Positives', list(first.falsepositives).map((label) => ({ label })), 'There are no documented False Positives for this Detection Rule yet'),
    textRow('Development Status', facts.status, "Development Status wasn't defined for this Detection Rule yet"),
    listRow('References', list(first.references).map((url) => card.web(url)), 'There are no documented References for this Detection Rule yet'),
    textRow('Author', facts.author, "Author of this Detection Rule haven't introduced himself"),
  ]
  if (view.otherTags.length) rows.push({ label: 'Other Tags', items: view.otherTags.map((label) => ({ label })) })
  return card.finish(facts.title, rows, [
    { level: 2, heading: 'Detection Rules' },
    { level: 3, heading: 'Sigma rule', code: universalNewlines(rule.source.text) },
    ...view.blocks.map((b) => ({ level: 3 as const, heading: b.backend, code: b.text })),
  ])
}
