import type { Element, Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'
import { eachElement, h, textOf } from './hast-tools.js'
import { resolveLink, type ResolvedLink, type SiteIndex } from './link-resolver.js'
import { createSlugger } from './slug.js'

/** Per-page state the plugins read and fill, carried on the vfile. */
export interface PageState {
  /** Wiki-relative path of the page being rendered (`Detection_Rules/x.md`). */
  page: string
  site: SiteIndex
  /** Internal links the page ends up with: site path and fragment (`''` for none). */
  links: { target: string; fragment: string }[]
  /** Element ids on the page (headings), for fragment checks. */
  ids: Set<string>
  /** Text of the first `h1`, if any. */
  title?: string
  /** Links the site cannot follow (reported by the caller). */
  dangling: { href: string; target: string; line: number; col: number }[]
  /** Every link, image and definition URL of the Markdown, where it is written (what a link check of the Markdown reads). */
  markdownLinks: MarkdownLink[]
}

export interface MarkdownLink {
  url: string
  line: number
  col: number
  tag: 'a' | 'img'
}

export function pageState(file: VFile): PageState {
  return (file.data as { page: PageState }).page
}

/** Notes the Markdown's own link URLs while the tree is at hand, so checking the Markdown needs no second parse. */
export function markdownLinks() {
  type Node = { type: string; url?: string; position?: { start: { line: number; column: number } }; children?: Node[] }
  return (tree: Node, file: VFile): void => {
    const found = pageState(file).markdownLinks
    const visit = (node: Node) => {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
        found.push({ url: node.url, line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1, tag: node.type === 'image' ? 'img' : 'a' })
      }
      if (node.children) for (const child of node.children) visit(child)
    }
    visit(tree)
  }
}

/**
 * rehype-raw re-parses the whole tree through an HTML parser; the cards' raw HTML sits in their header
 * table only, so it runs once per top-level element that holds raw nodes (the whole tree when raw HTML
 * stands at the top level), leaving the big code blocks alone.
 */
export function rawWhereNeeded() {
  const raw = rehypeRaw()
  const containsRaw = (node: { type: string; children?: unknown[] }): boolean =>
    node.type === 'raw' || (node.children !== undefined && (node.children as { type: string }[]).some(containsRaw))
  return (tree: Root, file: VFile): Root => {
    if (tree.children.some((c) => (c as { type: string }).type === 'raw')) return raw(tree, file)
    tree.children = tree.children.flatMap((child) => (child.type === 'element' && containsRaw(child) ? raw({ type: 'root', children: [child] }, file).children : [child]))
    return tree
  }
}

/** Links become site links (`.md` → `.html`), links the site cannot follow become plain text, external ones get `rel`. */
export function siteLinks() {
  return (tree: Root, file: VFile): void => {
    const state = pageState(file)
    eachElement(tree, (node, parent, index) => {
      if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        const resolved = resolveLink(state.page, node.properties.href, state.site)
        applyLink(node, resolved, state, () => (parent.children[index] = h('span', { className: ['dangling'], title: `not on this site: ${node.properties.href}` }, node.children)))
      } else if (node.tagName === 'img') {
        const src = typeof node.properties.src === 'string' ? node.properties.src : ''
        const resolved: ResolvedLink = src ? resolveLink(state.page, src, state.site) : { kind: 'dangling', target: '' }
        if (resolved.kind === 'internal') {
          node.properties.src = resolved.href
          state.links.push({ target: resolved.target, fragment: '' })
        } else {
          if (src) recordDangling(state, node, src, resolved.kind === 'dangling' ? resolved.target : src)
          const alt = typeof node.properties.alt === 'string' ? node.properties.alt : ''
          parent.children[index] = h('span', { className: ['dangling'] }, alt ? [alt] : [])
        }
      }
    })
  }
}

function applyLink(node: Element, resolved: ResolvedLink, state: PageState, replace: () => void): void {
  const href = node.properties.href as string
  switch (resolved.kind) {
    case 'external':
      node.properties.rel = ['noopener', 'noreferrer']
      return
    case 'fragment':
      state.links.push({ target: '', fragment: resolved.fragment })
      return
    case 'internal':
      node.properties.href = resolved.href
      state.links.push({ target: resolved.target, fragment: resolved.fragment })
      return
    case 'dangling':
      recordDangling(state, node, href, resolved.target)
      replace()
  }
}

function recordDangling(state: PageState, node: Element, href: string, target: string): void {
  const start = node.position?.start
  state.dangling.push({ href, target, line: start?.line ?? 1, col: start?.column ?? 1 })
}

/** GitHub-style ids on headings (after sanitizing, so they are ours, not the content's); wide tables scroll. */
export function headingsAndTables() {
  return (tree: Root, file: VFile): void => {
    const state = pageState(file)
    const slug = createSlugger()
    eachElement(tree, (node, parent, index) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        const text = textOf(node)
        if (node.tagName === 'h1' && state.title === undefined) state.title = text.trim()
        if (node.properties.id === undefined) {
          const id = slug(text)
          node.properties.id = id
          state.ids.add(id)
        } else {
          state.ids.add(String(node.properties.id))
        }
      } else if (node.tagName === 'table' && !(parent.type === 'element' && parent.tagName === 'div' && (parent.properties.className as string[] | undefined)?.includes('table-wrap'))) {
        parent.children[index] = h('div', { className: ['table-wrap'] }, [node])
      } else if (node.properties.id !== undefined) {
        state.ids.add(String(node.properties.id))
      }
    })
  }
}
