import type { Root } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { isMarkdownSource } from '../crosslink/markdown.js'
import { bundledMdast } from './bundled-mdast.js'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { SiteIndex } from './link-resolver.js'
import { headingsAndTables, markdownLinks, rawWhereNeeded, siteLinks, type PageState } from './page-plugins.js'
import { SANITIZE_SCHEMA } from './sanitize-schema.js'
import type { KeyedStore } from '../cache/unit-store.js'
import { renderInChunks } from './table-chunks.js'
import { fillPlainRows, plainRows } from './plain-rows.js'
import { plainMarkdownHtml } from './plain-markdown.js'

export interface RenderedMarkdown {
  html: string
  state: PageState
  /** Cache entries the HTML was assembled from (chunks of long tables), when any. */
  parts?: string[]
}

/**
 * Markdown → safe HTML: remark-parse + GFM, to hast keeping the cards' raw HTML, raw HTML parsed, then
 * sanitized (nothing that runs survives), then our own trusted changes (site links, heading ids), printed.
 * Built once; every page goes through the same frozen processor.
 */
function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(markdownLinks)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rawWhereNeeded)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(siteLinks)
    .use(headingsAndTables)
    .use(rehypeStringify)
    .freeze()
}

let processor: ReturnType<typeof createProcessor> | undefined

/** Where rendered chunks of long tables are kept between builds, and the salt of their keys (see renderInChunks). */
export interface TableChunks {
  store: KeyedStore
  salt: string
}

/** `printedFrom`: the syntax tree `markdown` was printed from, rendered without a parse (see renderMarkdownTree). */
export function renderMarkdown(markdown: string, page: string, site: SiteIndex, printedFrom?: MdastRoot, chunks?: TableChunks): RenderedMarkdown {
  processor ??= createProcessor()
  if (printedFrom) {
    // Links the site cannot follow are reported where the Markdown has them, which only a parse tells.
    const fromTree = renderMarkdownTree(printedFrom, page, site, chunks)
    if (fromTree.state.dangling.length === 0) return fromTree
  }
  const { tree, state } = parseToHast(processor, markdown, page, site)
  return { html: processor.stringify(tree), state }
}

/**
 * A page given as the syntax tree its Markdown was printed from (the cross-link pages): the same pipeline
 * without printing and parsing again. Markdown source held in the tree (md.markdownSource) is parsed here.
 * Positions are the tree's, not the printed page's: the state's `markdownLinks` is left empty. With
 * `chunks`, long tables are rendered in chunks of rows kept between builds. Plain table rows skip the
 * pipeline (see plainRows) unless `reference` (tests compare the two).
 */
export function renderMarkdownTree(tree: MdastRoot, page: string, site: SiteIndex, chunks?: TableChunks, reference = false): RenderedMarkdown {
  const parser = (processor ??= createProcessor())
  const root: MdastRoot = { type: 'root', children: tree.children.flatMap((node) => (isMarkdownSource(node) ? (bundledMdast(node.value) ?? parser.parse(node.value).children) : [node])) }
  const pipeline = (part: MdastRoot, partSite: SiteIndex): RenderedMarkdown => {
    const state = emptyState(page, partSite)
    const hast = parser.runSync(part, { value: '', path: page, data: { page: state } }) as Root
    state.markdownLinks = []
    return { html: parser.stringify(hast), state }
  }
  const renderRoot = (part: MdastRoot, partSite: SiteIndex): RenderedMarkdown => {
    const rows = reference ? undefined : plainRows(part, page, partSite)
    if (rows) {
      const rendered = pipeline(rows.root, partSite)
      const filled = fillPlainRows(rendered.html, rendered.state.links, rows)
      if (filled) return { html: filled.html, state: { ...rendered.state, links: filled.links } }
    }
    return pipeline(part, partSite)
  }
  return (chunks && renderInChunks(root, page, site, renderRoot, chunks.store, chunks.salt)) ?? renderRoot(root, site)
}

/** The Markdown parser's tree of `text` (the site's parser: GFM). */
export function parseMarkdown(text: string): MdastRoot['children'] {
  processor ??= createProcessor()
  return processor.parse(text).children
}

/** Splits the fragments of renderMarkdownParts: a paragraph of its own between two of them. */
const PART_BREAK = '\uE002'

/**
 * Several Markdown fragments of one page (a trigger's descriptions) through the pipeline as one document,
 * so the per-document cost is paid once: each comes back as its own HTML, in order. Heading ids are unique
 * across them. Fragments of plain paragraphs are printed without the parse (see plainMarkdownHtml) when
 * the first of them, parsed with the rest, comes out the same. A fragment that swallows the break between
 * it and the next (an open fence, say) makes the count come out wrong; then each fragment is rendered alone.
 */
export function renderMarkdownParts(parts: readonly string[], page: string, site: SiteIndex): { html: string[]; state: PageState } {
  const plain = parts.map(plainMarkdownHtml)
  const probe = plain.findIndex((html) => html !== undefined)
  if (probe >= 0) {
    const parsed = parts.flatMap((_part, i) => (plain[i] === undefined || i === probe ? [i] : []))
    const rendered = renderParsed(parsed.map((i) => parts[i]), page, site)
    if (rendered.html[parsed.indexOf(probe)] === plain[probe]) {
      const html = plain.map((fast) => fast ?? '')
      parsed.forEach((i, k) => (html[i] = rendered.html[k]))
      return { html, state: rendered.state }
    }
  }
  return renderParsed(parts, page, site)
}

function renderParsed(parts: readonly string[], page: string, site: SiteIndex): { html: string[]; state: PageState } {
  processor ??= createProcessor()
  const stringify = (children: Root['children']) => processor!.stringify({ type: 'root', children }).trim()
  if (parts.length > 1 && !parts.some((p) => p.includes(PART_BREAK))) {
    const { tree, state } = parseToHast(processor, parts.join(`\n\n${PART_BREAK}\n\n`), page, site)
    const groups: Root['children'][] = [[]]
    for (const child of tree.children) {
      if (isPartBreak(child)) groups.push([])
      else groups[groups.length - 1].push(child)
    }
    const html = groups.map(stringify)
    if (groups.length === parts.length && !html.some((h) => h.includes(PART_BREAK))) return { html, state }
  }
  const state = emptyState(page, site)
  const html = parts.map((part) => {
    const one = parseToHast(processor!, part, page, site)
    state.links.push(...one.state.links)
    state.dangling.push(...one.state.dangling)
    for (const id of one.state.ids) state.ids.add(id)
    return stringify(one.tree.children)
  })
  return { html, state }
}

function isPartBreak(node: Root['children'][number]): boolean {
  return node.type === 'element' && node.tagName === 'p' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === PART_BREAK
}

function emptyState(page: string, site: SiteIndex): PageState {
  return { page, site, links: [], ids: new Set(), dangling: [], markdownLinks: [] }
}

function parseToHast(processor: ReturnType<typeof createProcessor>, markdown: string, page: string, site: SiteIndex): { tree: Root; state: PageState } {
  const state = emptyState(page, site)
  // unified makes the vfile; `data` is kept by reference, so the plugins fill `state`.
  const file = { value: markdown, path: page, data: { page: state } }
  return { tree: processor.runSync(processor.parse(file), file) as Root, state }
}
