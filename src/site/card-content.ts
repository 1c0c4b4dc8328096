import { resolveLink, type SiteIndex } from './link-resolver.js'
import { positionOf } from './markdown-position.js'
import type { PageState } from './page-plugins.js'
import type { CachedContent } from './page-cache.js'
import { createSlugger } from './slug.js'
import { codeHtml, renderTemplate } from './templates.js'

export interface CardItem {
  label: string
  href?: string
  external?: boolean
  /** Where a wiki link that the site cannot follow pointed (shown as plain text). */
  dangling?: string
}

export interface CardRow {
  label: string
  text?: string
  items?: CardItem[]
}

/** A heading and, under it, a code block, or Markdown text (rendered), or nothing. */
export interface CardSection {
  level: 2 | 3
  heading: string
  code?: string
  markdown?: string
}

/** Renders a card's Markdown sections (renderMarkdownParts): passed in by the cards that have any. */
export type RenderMarkdownParts = (parts: readonly string[], page: string, site: SiteIndex) => { html: string[]; state: PageState }

/** Web links a card may show (what the sanitizer lets through on the Markdown pages). */
const WEB_URL = /^(?:https?|mailto):[^\s<>"]+$/i

/**
 * Builds an ATC card's content on the site from the model: its header table (`title`, then one row per
 * field) and its sections, with no Markdown round trip. Links to other wiki pages resolve as the card's own
 * links do; one the site cannot follow is reported at its line in the card (`markdown`).
 */
export class CardBuilder {
  private readonly content: CachedContent = { html: '', links: [], ids: [], title: undefined, dangling: [], markdownLinks: [], asked: [] }

  constructor(
    private readonly page: string,
    private readonly markdown: string,
    private readonly site: SiteIndex,
    // Not imported here: a rule card has no Markdown section, and a card-only rebuild in a new process
    // then loads no Markdown pipeline (unified, micromark, parse5: most of the bundle).
    private readonly renderMarkdown?: RenderMarkdownParts,
  ) {}

  /** A link written `[label](href)` in the card. */
  wikiLink(href: string, label: string): CardItem {
    const resolved = resolveLink(this.page, href, this.site)
    if (resolved.kind === 'internal') {
      this.content.links.push({ target: resolved.target, fragment: resolved.fragment })
      return { label, href: resolved.href }
    }
    if (resolved.kind === 'external') return this.web(href, label)
    const target = resolved.kind === 'dangling' ? resolved.target : href
    this.content.dangling.push({ href, target, ...positionOf(this.markdown, `](${href})`) })
    return { label, dangling: href }
  }

  /** A web address: a link when it is one, else its text. */
  web(url: string, label = url): CardItem {
    return WEB_URL.test(url) ? { label, href: url, external: true } : { label }
  }

  finish(title: string, rows: readonly CardRow[], sections: readonly CardSection[]): CachedContent {
    const slug = createSlugger()
    const texts = sections.flatMap((s) => (s.markdown === undefined ? [] : [s.markdown]))
    const rendered = texts.length === 0 ? undefined : this.markdownRenderer()(texts, this.page, this.site)
    let next = 0
    const parts = sections.map((s) => ({
      level: s.level,
      heading: s.heading,
      id: slug(s.heading),
      code: s.code === undefined ? undefined : codeHtml(s.code),
      html: s.markdown === undefined ? undefined : rendered?.html[next++],
    }))
    this.content.ids.push(...parts.map((p) => p.id))
    if (rendered) {
      this.content.links.push(...rendered.state.links)
      this.content.dangling.push(...rendered.state.dangling.map((d) => ({ ...d, ...positionOf(this.markdown, `](${d.href})`) })))
      this.content.ids.push(...rendered.state.ids)
    }
    this.content.html = renderTemplate('card', { title, rows, sections: parts })
    return this.content
  }

  private markdownRenderer(): RenderMarkdownParts {
    if (!this.renderMarkdown) throw new Error(`the card ${this.page} has Markdown sections, expected a CardBuilder given renderMarkdownParts`)
    return this.renderMarkdown
  }
}

/** A row listing items, or saying `none` when there are none. */
export function listRow(label: string, items: readonly CardItem[], none: string): CardRow {
  return items.length ? { label, items: [...items] } : { label, text: none }
}

/** A row of text, or `none` when it is blank. */
export function textRow(label: string, text: string, none: string): CardRow {
  return { label, text: text.trim() ? text : none }
}
