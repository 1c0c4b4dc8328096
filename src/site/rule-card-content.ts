import { list, ruleFacts } from '../crosslink/rule-facts.js'
import type { LinkedRule } from '../model.js'
import { ruleCardLinks } from '../render/rule-card-view.js'
import { universalNewlines } from '../link/atc-documents.js'
import { resolveLink, type SiteIndex } from './link-resolver.js'
import type { CachedContent } from './page-cache.js'
import { positionOf } from './markdown-position.js'
import { createSlugger } from './slug.js'
import { codeHtml, renderTemplate } from './templates.js'

interface Item {
  label: string
  href?: string
  external?: boolean
  /** Where a wiki link that the site cannot follow pointed (shown as plain text). */
  dangling?: string
}

interface Row {
  label: string
  text?: string
  items?: Item[]
}

/** Web links a rule may show (what the sanitizer lets through on the Markdown pages). */
const WEB_URL = /^(?:https?|mailto):[^\s<>"]+$/i

/**
 * A rule card's content on the site, from the model: the ATC card's rows and blocks, with no Markdown
 * round trip (a Sigma rule's fields are plain text, so they are shown as text). Links to Data Needed and
 * trigger pages resolve as the card's own links do; one the site cannot follow is reported at the card's line.
 */
export function ruleCardContent(rule: LinkedRule, page: string, markdown: string, site: SiteIndex): CachedContent {
  const facts = ruleFacts(rule)
  const first = rule.source.documents.find((d) => typeof d === 'object' && d !== null && !Array.isArray(d)) ?? {}
  const view = ruleCardLinks(rule.links, rule.conversions)
  const content: CachedContent = { html: '', links: [], ids: [], title: undefined, dangling: [], markdownLinks: [], asked: [] }
  const wikiLink = (href: string, label: string): Item => {
    const resolved = resolveLink(page, href, site)
    if (resolved.kind === 'internal') {
      content.links.push({ target: resolved.target, fragment: resolved.fragment })
      return { label, href: resolved.href }
    }
    const target = resolved.kind === 'dangling' ? resolved.target : href
    content.dangling.push({ href, target, ...positionOf(markdown, `](${href})`) })
    return { label, dangling: href }
  }
  const web = (url: string, label = url): Item => (WEB_URL.test(url) ? { label, href: url, external: true } : { label })
  const row = (label: string, items: Item[], none: string): Row => (items.length ? { label, items } : { label, text: none })
  const textRow = (label: string, text: string, none: string): Row => ({ label, text: text.trim() ? text : none })
  const rows: Row[] = [
    { label: 'Description', text: facts.description },
    row('ATT&CK Tactic', view.tactics.map((t) => web(t.url, `${t.id}: ${t.name}`)), "This Detection Rule wasn't mapped to ATT&CK Tactic yet"),
    row('ATT&CK Technique', view.techniques.map((t) => web(t.url, `${t.id}: ${t.name}`)), "This Detection Rule wasn't mapped to ATT&CK Technique yet"),
    row('Data Needed', view.dataNeeded.map((d) => wikiLink(`../Data_Needed/${d}.md`, d)), 'There is no documented Data Needed for this Detection Rule yet'),
    row('Trigger', view.triggers.map((t) => wikiLink(`../Triggers/${t.id}.md`, `${t.id}: ${t.name}`)), 'There is no documented Trigger for this Detection Rule yet'),
    textRow('Severity Level', facts.level, "Severity Level for this Detection Rule wasn't defined yet"),
    row('False Positives', list(first.falsepositives).map((label) => ({ label })), 'There are no documented False Positives for this Detection Rule yet'),
    textRow('Development Status', facts.status, "Development Status wasn't defined for this Detection Rule yet"),
    row('References', list(first.references).map((url) => web(url)), 'There are no documented References for this Detection Rule yet'),
    textRow('Author', facts.author, "Author of this Detection Rule haven't introduced himself"),
  ]
  if (view.otherTags.length) rows.push({ label: 'Other Tags', items: view.otherTags.map((label) => ({ label })) })
  const slug = createSlugger()
  const ids = { rules: slug('Detection Rules'), sigma: slug('Sigma rule') }
  const blocks = view.blocks.map((b) => ({ backend: b.backend, id: slug(b.backend), html: codeHtml(b.text) }))
  content.ids.push(ids.rules, ids.sigma, ...blocks.map((b) => b.id))
  content.html = renderTemplate('rule-card', { title: facts.title, rows, ids, sigmaRule: codeHtml(universalNewlines(rule.source.text)), blocks })
  return content
}

