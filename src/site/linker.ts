import { encodeSegment } from '../crosslink/wiki-paths.js'
import { rootOf } from './link-resolver.js'

const encodings = new Map<string, string>()
/** A site path percent-encoded per segment (memoised: the same targets recur on thousands of pages). */
function encoded(path: string): string {
  let value = encodings.get(path)
  if (value === undefined) {
    value = path.split('/').map(encodeSegment).join('/')
    if (encodings.size < 200_000) encodings.set(path, value)
  }
  return value
}

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
    const slash = target.lastIndexOf('/')
    // Same folder: the file name; elsewhere: back to the root and down (both relative, no path arithmetic).
    const path = !this.absolute && target.slice(0, slash + 1) === this.dir ? encoded(target.slice(slash + 1)) : this.root + encoded(target)
    return fragment ? `${path}#${encodeURIComponent(fragment)}` : path
  }

  private get dir(): string {
    return this.from.slice(0, this.from.lastIndexOf('/') + 1)
  }
}
