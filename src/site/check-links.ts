import { posix } from 'node:path'
import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Diagnostic } from '../diagnostics.js'
import { eachElement } from './hast-tools.js'
import { LAYOUT_IDS, recordedLinks, recordedMarkdownLinks } from './link-registry.js'
import type { LinkRecord } from './linker.js'
import { unpackIds, unpackLinks, type KeptPage } from './page-memo.js'
import { textOf, type DeferredText } from '../write/deferred-text.js'

export interface CheckLinksOptions {
  /** URL path the site is served under; absolute links (`/repo/x.html`) are checked below it. */
  base?: string
  /** Parse every HTML page even when the builder recorded its links (slower; checks the recording too). */
  parse?: boolean
  /** Pages present on the site but not in `files` (kept from the last build), with the links and ids they were made with. */
  kept?: ReadonlyMap<string, Pick<KeptPage, 'links' | 'ids'>>
  /** A kept page's findings from the last check, when they still hold (see keptFindings): not checked again. */
  checked?: (path: string) => Omit<Diagnostic, 'path'>[] | undefined
}

interface FoundLink {
  url: string
  line: number
  col: number
  tag: string
  /** Already resolved (a link the builder recorded): the site path, `''` for the page itself. */
  target?: string
  fragment?: string
}
interface PageFacts { links: FoundLink[]; ids: Set<string> }

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
/** Schemes whose links can run code in the page's context. */
const SCRIPTING = new Set(['javascript', 'vbscript', 'data'])
/** Attributes that make the browser fetch something when the page loads. */
const FETCHING: Record<string, string> = { script: 'src', img: 'src', iframe: 'src', frame: 'src', embed: 'src', source: 'src', video: 'src', audio: 'src', track: 'src', input: 'src', object: 'data', link: 'href' }

/**
 * Every internal link of the site (and of Markdown files in `files`) must resolve to a file in `files`,
 * and a `#fragment` to an id on that page. Also flags what would break the site's promises: a resource
 * loaded from another host, or a link with a `javascript:`-like scheme.
 */
export function checkLinks(files: ReadonlyMap<string, string | Uint8Array | DeferredText>, options: CheckLinksOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const base = options.base ? (options.base.endsWith('/') ? options.base : `${options.base}/`) : '/'
  const facts = new Map<string, PageFacts>()
  const kept = options.kept ?? new Map()
  const has = (path: string) => files.has(path) || kept.has(path)
  const factsOf = (path: string): PageFacts | undefined => {
    let f = facts.get(path)
    if (f) return f
    const keptPage = kept.get(path)
    if (keptPage) {
      f = { links: unpackLinks(keptPage.links).map(foundLink), ids: new Set([...unpackIds(keptPage.ids), ...LAYOUT_IDS]) }
      facts.set(path, f)
      return f
    }
    const content = files.get(path)
    if (content === undefined || content instanceof Uint8Array) return undefined
    f = /\.html?$/i.test(path) ? htmlFacts(files, path, content, options.parse === true) : /\.md$/i.test(path) ? markdownFactsOf(textOf(content), options.parse === true) : undefined
    if (f) facts.set(path, f)
    return f
  }
  const dirs = new Set<string>()
  for (const path of [...files.keys(), ...kept.keys()]) for (let d = posix.dirname(path); d !== '.' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d)
  const report = (path: string, link: FoundLink, severity: Diagnostic['severity'], message: string, code: string) =>
    diagnostics.push({ path, line: link.line, col: link.col, severity, message, code })

  const checkResolved = (path: string, link: FoundLink, target: string, fragment: string) => {
    const page = target === '' ? path : target
    if (target !== '' && !has(target)) {
      report(path, link, 'warning', `broken link: ${short(link.url)} (no file ${target})`, 'broken-link')
    } else if (fragment && /\.html?$/i.test(page)) {
      const facts = factsOf(page)
      if (facts && !facts.ids.has(fragment)) report(path, link, 'warning', target === '' ? `#${fragment} is not an id on this page` : `#${fragment} is not an id on ${target}`, 'broken-fragment')
    }
  }

  for (const path of [...files.keys(), ...kept.keys()].sort()) {
    const known = kept.has(path) ? options.checked?.(path) : undefined
    if (known) {
      for (const problem of known) diagnostics.push({ ...problem, path })
      continue
    }
    const page = factsOf(path)
    if (!page) continue
    const isHtml = /\.html?$/i.test(path)
    for (const link of page.links) {
      if (link.target !== undefined) {
        checkResolved(path, link, link.target, link.fragment ?? '')
        continue
      }
      // As browsers read it: tabs and line breaks removed, leading spaces and controls dropped.
      const scheme = SCHEME.exec(link.url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''))?.[1]?.toLowerCase()
      if (scheme || link.url.startsWith('//')) {
        if (scheme && SCRIPTING.has(scheme) && !(scheme === 'data' && link.tag !== 'a')) report(path, link, 'error', `link with a ${scheme}: URL (${short(link.url)}) could run code; expected http(s), mailto or a relative link`, 'unsafe-link')
        else if (scheme && !['http', 'https', 'mailto', 'data'].includes(scheme)) report(path, link, 'warning', `link with a ${scheme}: URL (${short(link.url)}); readers' browsers may not open it`, 'unusual-scheme')
        else if (link.tag !== 'a' && scheme !== 'data' && isHtml) report(path, link, 'error', `<${link.tag}> loads ${short(link.url)} from another host; expected a file of this site`, 'external-asset')
        continue
      }
      const hash = link.url.indexOf('#')
      const fragment = hash >= 0 ? decode(link.url.slice(hash + 1)) : ''
      const rawPath = (hash >= 0 ? link.url.slice(0, hash) : link.url).replace(/\?.*$/, '')
      if (rawPath === '') {
        if (fragment && isHtml && !page.ids.has(fragment)) report(path, link, 'warning', `#${fragment} is not an id on this page`, 'broken-fragment')
        continue
      }
      const decoded = decode(rawPath)
      let target = decoded.startsWith('/')
        ? decoded.startsWith(base) ? decoded.slice(base.length) || '.' : undefined
        : posix.normalize(posix.join(posix.dirname(path), decoded))
      if (target !== undefined && (target === '.' || decoded.endsWith('/') || (!has(target) && dirs.has(target)))) {
        const dir = target === '.' ? '' : `${target.replace(/\/+$/, '')}/`
        if (has(`${dir}index.html`)) target = `${dir}index.html`
        // A Markdown link to a folder: GitHub shows the folder's listing.
        else if (!isHtml && (dir === '' || dirs.has(dir.slice(0, -1)))) continue
        else target = `${dir}index.html`
      }
      if (target === undefined || target.startsWith('../') || !has(target)) {
        report(path, link, 'warning', `broken link: ${short(link.url)} (no file ${target ?? decoded})`, 'broken-link')
        continue
      }
      if (fragment && isHtml && /\.html?$/i.test(target)) {
        const targetFacts = factsOf(target)
        if (targetFacts && !targetFacts.ids.has(fragment)) report(path, link, 'warning', `#${fragment} is not an id on ${target}`, 'broken-fragment')
      }
    }
  }
  return diagnostics
}

function htmlFacts(files: object, path: string, content: string | DeferredText, forceParse: boolean): PageFacts {
  const recorded = forceParse ? undefined : recordedLinks(files, path, content)
  return recorded ? { links: recorded.links.map(foundLink), ids: recorded.ids } : parseHtmlFacts(textOf(content))
}

/** A link the builder recorded, already resolved to a site path. */
function foundLink(l: LinkRecord): FoundLink {
  return { url: `${l.target}${l.fragment ? `#${l.fragment}` : ''}`, line: 1, col: 1, tag: 'a', target: l.target, fragment: l.fragment }
}

let raw: ReturnType<typeof rehypeRaw> | undefined

/** Parses a page with the HTML parser rehype-raw uses, collecting its URLs and ids. */
export function parseHtmlFacts(html: string): PageFacts {
  raw ??= rehypeRaw()
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as HastRoot, undefined as never)
  const links: FoundLink[] = []
  const ids = new Set<string>()
  eachElement(tree, (node) => {
    const p = node.properties
    if (p.id !== undefined) ids.add(String(p.id))
    const at = { line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1, tag: node.tagName }
    if ((node.tagName === 'a' || node.tagName === 'area') && typeof p.href === 'string') links.push({ url: p.href, ...at })
    const attr = FETCHING[node.tagName]
    const value = attr ? p[attr] : undefined
    if (typeof value === 'string' && value !== '') links.push({ url: value, ...at })
    if (typeof p.srcSet === 'string') for (const part of p.srcSet.split(',')) links.push({ url: part.trim().split(/\s+/)[0], ...at })
  })
  return { links, ids }
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze()

function markdownFactsOf(content: string, forceParse: boolean): PageFacts {
  const recorded = forceParse ? undefined : recordedMarkdownLinks(content)
  return recorded ? { links: recorded, ids: new Set() } : markdownFacts(content)
}

function markdownFacts(content: string): PageFacts {
  const tree = markdownParser.runSync(markdownParser.parse(content)) as MdastRoot
  const links: FoundLink[] = []
  const visit = (node: { type: string; url?: string; position?: { start: { line: number; column: number } }; children?: unknown[] }) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
      links.push({ url: node.url, line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1, tag: node.type === 'image' ? 'img' : 'a' })
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child)
  }
  visit(tree as never)
  return { links, ids: new Set() }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function short(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url
}
