import type { BlockContent, Html, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import { unified } from 'unified'
import { plainLink, plainText } from './plain-phrasing.js'
import { plainTable } from './plain-table.js'

/**
 * Cross-link pages are built as Markdown syntax trees and printed by mdast-util-to-markdown, so rule
 * titles and descriptions are escaped by the printer, never pasted into Markdown text.
 */

// remark-gfm registers its to-markdown extensions (tables…) on the processor's data. plainTable relies on
// these two table settings.
const gfmProcessor = unified().use(remarkGfm, { tablePipeAlign: false, tableCellPadding: true })
gfmProcessor.freeze()

const text: Handle = (node, parent, state, info) =>
  plainText((node as { value: string }).value, parent?.type, info.before, info.after) ?? defaultHandlers.text(node as never, parent, state, info)

const link: Handle = (node, parent, state, info) => plainLink(node as Link) ?? defaultHandlers.link(node as never, parent, state, info)

const GFM_EXTENSIONS = (gfmProcessor.data() as { toMarkdownExtensions?: Options['extensions'] }).toMarkdownExtensions ?? []
const gfmTable = handlerIn(GFM_EXTENSIONS, 'table')

const table: Handle = (node, parent, state, info) => {
  const print = (whole: Table) => gfmTable(whole, parent, state, info)
  return plainTable(node as Table, print) ?? print(node as Table)
}

/** The handler an extension (or one it holds) registers for `type`. */
function handlerIn(extensions: Options[], type: 'table'): Handle {
  const find = (list: Options[]): Handle | undefined => {
    for (const extension of list) {
      const handler = extension.handlers?.[type] ?? (extension.extensions && find(extension.extensions))
      if (handler) return handler as Handle
    }
    return undefined
  }
  const handler = find(extensions)
  if (!handler) throw new Error(`no Markdown handler for ${type}: expected remark-gfm to register one`)
  return handler
}

const OPTIONS: Options = {
  handlers: { text, link, table },
  extensions: GFM_EXTENSIONS,
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
  /** A GFM table; the first row is the header. A row made already (see md.row) is taken as it is. */
  table: (header: readonly Cell[], rows: readonly (readonly Cell[] | TableRow)[], align?: Table['align']): Table => ({
    type: 'table',
    align: align ?? header.map(() => null),
    children: [header, ...rows].map((cells) => ('type' in cells ? cells : row(cells))),
  }),
  /** A table row, for a caller that keeps rows between builds (see perRule). */
  row: (cells: readonly Cell[]): TableRow => row(cells),
}

/** A table cell's content: phrasing, or a list of phrasing. */
type Cell = readonly Phrasing[] | Phrasing

function row(cells: readonly Cell[]): TableRow {
  return { type: 'tableRow', children: cells.map((cell): TableCell => ({ type: 'tableCell', children: phrasing(Array.isArray(cell) ? cell : [cell as Phrasing]) })) }
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
