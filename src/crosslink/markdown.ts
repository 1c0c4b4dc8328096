import type { BlockContent, Html, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import { unified } from 'unified'

/**
 * Cross-link pages are built as Markdown syntax trees and printed by mdast-util-to-markdown, so rule
 * titles and descriptions are escaped by the printer, never pasted into Markdown text.
 */

// remark-gfm registers its to-markdown extensions (tables…) on the processor's data.
const gfmProcessor = unified().use(remarkGfm, { tablePipeAlign: false, tableCellPadding: true })
gfmProcessor.freeze()
/**
 * Plain words need no escaping, and the printer's escaping pass (dozens of patterns per text node) is most
 * of the cost of thousands of pages: text made only of letters, digits, spaces and punctuation that means
 * nothing inline is printed as it is, when nothing around it can turn it into syntax (a block start, a
 * link's `](`, an autolink literal, edge spaces a parser would trim).
 */
const PLAIN_CHARS = /^[A-Za-z0-9 ,.:;()'"?↳/=%+$✓✗-]+$/
const AUTOLINK_LIKE = /[Ww]\.[-.\w]|[ps]:\/|\/\//
const BLOCK_START = /^(?:[^A-Za-z0-9✓✗]|\d+[.)])/
const text: Handle = (node, parent, state, info) => {
  const value = (node as { value: string }).value
  const { before, after } = info
  const atStart = before === '' || before === '\n' || before === ' ' || before === '\t'
  const atEnd = after === '' || after === '\n' || after === ' ' || after === '\t'
  const plain =
    PLAIN_CHARS.test(value) &&
    !(atStart && (value.startsWith(' ') || (parent?.type === 'tableCell' ? /^-[:|-]/.test(value) : BLOCK_START.test(value)) || !/^[A-Za-z0-9✓✗-]/.test(value))) &&
    !(atEnd && value.endsWith(' ')) &&
    !(before === ']' && value.startsWith('(')) &&
    !AUTOLINK_LIKE.test(`${before}${value}${after}`)
  return plain ? value : defaultHandlers.text(node as never, parent, state, info)
}

/** Likewise a link whose label is plain and whose URL holds only unreserved and percent-encoded characters. */
const PLAIN_URL = /^[A-Za-z0-9._~%/#-]+$/
const PLAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9 ,.:;()'"?↳/=%+$-]*[A-Za-z0-9,.:;()'"?↳/=%+$-])?$/
const link: Handle = (node, parent, state, info) => {
  const { url, title, children } = node as Link
  const only = children.length === 1 && children[0].type === 'text' ? children[0].value : undefined
  if (!title && only !== undefined && PLAIN_LABEL.test(only) && !AUTOLINK_LIKE.test(only) && PLAIN_URL.test(url)) return `[${only}](${url})`
  return defaultHandlers.link(node as never, parent, state, info)
}

const OPTIONS: Options = {
  handlers: { text, link },
  extensions: ((gfmProcessor.data() as { toMarkdownExtensions?: Options['extensions'] }).toMarkdownExtensions ?? []),
  bullet: '-',
  emphasis: '_',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
}

const REFERENCE_OPTIONS: Options = { ...OPTIONS, handlers: {} }

/** Prints Markdown; `reference` skips the plain-text fast paths (tests check both print the same). */
export function printMarkdown(children: RootContent[], reference = false): string {
  const root: Root = { type: 'root', children }
  return toMarkdown(root, reference ? REFERENCE_OPTIONS : OPTIONS)
}

export type Phrasing = PhrasingContent | string

function phrasing(items: readonly Phrasing[]): PhrasingContent[] {
  return items.map((p) => (typeof p === 'string' ? { type: 'text', value: p } : p))
}

export const md = {
  heading: (depth: 1 | 2 | 3 | 4, ...children: Phrasing[]): Heading => ({ type: 'heading', depth, children: phrasing(children) }),
  p: (...children: Phrasing[]): Paragraph => ({ type: 'paragraph', children: phrasing(children) }),
  link: (url: string, ...children: Phrasing[]): Link => ({ type: 'link', url, children: phrasing(children) }),
  strong: (...children: Phrasing[]): PhrasingContent => ({ type: 'strong', children: phrasing(children) }),
  emphasis: (...children: Phrasing[]): PhrasingContent => ({ type: 'emphasis', children: phrasing(children) }),
  code: (value: string): PhrasingContent => ({ type: 'inlineCode', value }),
  blockquote: (...children: BlockContent[]): RootContent => ({ type: 'blockquote', children }),
  /** Markdown written elsewhere (an ATT&CK description): printed as it is; a reader of the tree parses it (see isMarkdownSource). */
  markdownSource: (value: string): Html => ({ type: 'html', value, data: { markdownSource: true } as Html['data'] }),
  list: (items: readonly (readonly Phrasing[])[]): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(item) }] })),
  }),
  /** A GFM table; the first row is the header. */
  table: (header: readonly (readonly Phrasing[] | Phrasing)[], rows: readonly (readonly (readonly Phrasing[] | Phrasing)[])[], align?: Table['align']): Table => ({
    type: 'table',
    align: align ?? header.map(() => null),
    children: [header, ...rows].map((cells): TableRow => ({
      type: 'tableRow',
      children: cells.map((cell): TableCell => ({ type: 'tableCell', children: phrasing(Array.isArray(cell) ? cell : [cell as Phrasing]) })),
    })),
  }),
}

/** Joins phrasing items with a separator, e.g. links with `, `. */
export function joinPhrasing(items: readonly Phrasing[], separator: string): Phrasing[] {
  const out: Phrasing[] = []
  items.forEach((item, i) => {
    if (i > 0) out.push(separator)
    out.push(item)
  })
  return out
}

/** Joins groups of phrasing (e.g. a link and its count) with a separator between groups. */
export function joinGroups(groups: readonly (readonly Phrasing[])[], separator: string): Phrasing[] {
  return groups.flatMap((group, i) => (i > 0 ? [separator, ...group] : [...group]))
}

/** Whether an `html` node holds Markdown source (md.markdownSource) rather than HTML. */
export function isMarkdownSource(node: RootContent): node is Html {
  return node.type === 'html' && (node.data as { markdownSource?: boolean } | undefined)?.markdownSource === true
}
