import { posix } from 'node:path'
import { encodeSegment, relativeFromPage } from '../crosslink/wiki-paths.js'

/** What the site holds, for resolving the pages' links. Paths are site-relative (`Detection_Rules/x.html`). */
export interface SiteIndex {
  /** Wiki pages (`Detection_Rules/x.md`) that become `.html` pages. */
  pages: ReadonlySet<string>
  /** Every other file the site has (section indexes, assets, `downloads/…`). */
  files: ReadonlySet<string>
}

export type ResolvedLink =
  | { kind: 'external' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'internal'; href: string; target: string; fragment: string }
  | { kind: 'dangling'; target: string }

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Site path of a wiki page. */
export function htmlPathOf(wikiPage: string): string {
  return wikiPage.replace(/\.md$/i, '.html')
}

/**
 * Resolves a link written in the wiki page `fromWiki` the way a reader of the wiki would follow it:
 * `.md` pages become their `.html` page, a folder its `index.html`, a file beside the wiki (`../rules.json`)
 * its copy under `downloads/`. Anything the site does not have is dangling.
 */
export function resolveLink(fromWiki: string, href: string, site: SiteIndex): ResolvedLink {
  if (SCHEME.test(href) || href.startsWith('//')) return { kind: 'external' }
  const hash = href.indexOf('#')
  const fragment = hash >= 0 ? safeDecode(href.slice(hash + 1)) ?? '' : ''
  const pathPart = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '')
  if (pathPart === '') return { kind: 'fragment', fragment }
  const decoded = safeDecode(pathPart)
  if (decoded === undefined || decoded.startsWith('/')) return { kind: 'dangling', target: pathPart }
  const joined = posix.normalize(posix.join(posix.dirname(fromWiki), decoded))
  const target = targetOf(joined, decoded.endsWith('/'), site)
  if (!target) return { kind: 'dangling', target: joined }
  return { kind: 'internal', href: relativeHref(htmlPathOf(fromWiki), target) + (hash >= 0 ? `#${encodeFragment(fragment)}` : ''), target, fragment }
}

function targetOf(joined: string, isDir: boolean, site: SiteIndex): string | undefined {
  const clean = joined.replace(/\/+$/, '')
  if (clean.startsWith('../')) {
    const outside = clean.slice(3)
    if (outside.startsWith('../')) return undefined
    const download = `downloads/${outside}`
    return site.files.has(download) ? download : undefined
  }
  if (!isDir && /\.md$/i.test(clean) && site.pages.has(clean)) return htmlPathOf(clean)
  const index = clean === '.' ? 'index.html' : `${clean}/index.html`
  if (site.files.has(index) || site.pages.has(index.replace(/\.html$/, '.md'))) return index
  if (!isDir && site.files.has(clean)) return clean
  return undefined
}

/** A relative, percent-encoded href from one site page to another site path. */
export function relativeHref(fromSitePage: string, target: string): string {
  const rel = relativeFromPage(fromSitePage, target)
  return rel.split('/').map(encodeSegment).join('/')
}

/** `../` repeated for the page's depth: the way back to the site root from it. */
export function rootOf(sitePage: string): string {
  const depth = sitePage.split('/').length - 1
  return '../'.repeat(depth)
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function encodeFragment(fragment: string): string {
  return encodeURIComponent(fragment).replace(/%2D/gi, '-')
}
