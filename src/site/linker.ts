import { encodeSegment } from '../crosslink/wiki-paths.js'
import { relativeHref, rootOf } from './link-resolver.js'

export interface LinkRecord {
  /** Site path the link points at; `''` for the page itself. */
  target: string
  fragment: string
}

/**
 * Makes every href a page's templates print, and remembers it, so the link check knows a page's links
 * without parsing its HTML again. Hrefs are relative to the page (or under `root` when one is given).
 */
export class Linker {
  readonly links: LinkRecord[] = []
  constructor(
    readonly from: string,
    readonly root: string = rootOf(from),
    private readonly absolute = false,
  ) {}

  /** Href to the site page of a wiki page, or `''` when the site does not have that page. */
  toPage(wikiPage: string, pages: ReadonlySet<string>): string {
    return pages.has(wikiPage) ? this.to(wikiPage.replace(/\.md$/i, '.html')) : ''
  }

  /** Href to a site path (`Techniques/T1059.html`), optionally with a fragment. */
  to(target: string, fragment = ''): string {
    this.links.push({ target, fragment })
    const path = this.absolute ? this.root + target.split('/').map(encodeSegment).join('/') : relativeHref(this.from, target)
    return fragment ? `${path}#${encodeURIComponent(fragment)}` : path
  }
}
