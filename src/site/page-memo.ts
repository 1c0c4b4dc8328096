import type { RenderedPage } from './wiki-page.js'

/**
 * The site pages of the last build, each with the key of everything it was made from. Kept by a
 * process that builds again (watch, serve): a page whose key did not change is not made again, and
 * handing back the same string lets the write step see at once that the file did not change.
 */
export class PageMemo {
  private readonly pages = new Map<string, { key: string; page: RenderedPage }>()

  reuse(path: string, key: string): RenderedPage | undefined {
    const last = this.pages.get(path)
    return last?.key === key ? last.page : undefined
  }

  keep(path: string, key: string, page: RenderedPage): void {
    this.pages.set(path, { key, page })
  }

  /** Forgets pages the last build no longer made. */
  retainOnly(paths: ReadonlySet<string>): void {
    for (const path of [...this.pages.keys()]) if (!paths.has(path)) this.pages.delete(path)
  }
}
