import { readFileSync, rmSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { hashOfEncoded } from '../cache/hash.js'
import { saveCacheFile } from '../cache/save-cache-file.js'
import type { LinkRecord } from './linker.js'
import type { MarkdownLink, PageState } from './page-plugins.js'
import type { RenderedPage } from './wiki-page.js'
import type { Diagnostic } from '../diagnostics.js'

/** What the site build needs of a page it did not make again: its links and ids, and its HTML's hash. */
export interface KeptPage {
  /** Site path (`Detection_Rules/x.html`). */
  path: string
  key: string
  /** Content hash of the HTML, as the write step records it in the output manifest. */
  hash: string
  /** The page's links, packed as JSON: thousands of small objects would make the memo slow to load. */
  links: string
  /** Its element ids, packed as JSON. */
  ids: string
  title: string
  dangling: PageState['dangling']
  markdownLinks: MarkdownLink[]
  /** Build cache entries the page's content came from: still needed while the page is kept (see UnitStore.keep). */
  cacheKeys: string[]
  /** True when a link points at an id on another page (which may change while this page is kept). */
  fragmentsElsewhere: boolean
  /** What the link check found on the page, and the site it checked against (see keptFindings). */
  checked?: { siteKey: string; problems: LinkProblem[] }
}

/** A link check finding on a page, without the page's path. */
export type LinkProblem = Omit<Diagnostic, 'path'>

/** Bump when KeptPage changes shape. */
const FORMAT = 'page-memo-4'

/**
 * The site pages of the last build into one output folder, each with the key of everything it was made
 * from. A page whose key did not change is not made again: the file the last build wrote is still right,
 * so the build hands on its hash, links and ids, and never holds its HTML.
 */
export class PageMemo {
  private pages = new Map<string, KeptPage>()

  reuse(page: string, key: string): KeptPage | undefined {
    const kept = this.pages.get(page)
    return kept?.key === key ? kept : undefined
  }

  /**
   * Remembers a page made now; returns its content hash (`hashOf(html)`, what the write step would compute)
   * and the UTF-8 it hashed, which is what the file will hold.
   */
  keep(page: string, key: string, rendered: RenderedPage, cacheKeys: string[]): { hash: string; bytes: Uint8Array } {
    const state = rendered.state
    const { hash, bytes } = hashOfEncoded(rendered.html)
    this.pages.set(page, {
      path: rendered.path,
      key,
      // Hashing here flattens the HTML into one string early, which measured 30-40 MB lower at the peak of
      // a first build with a cache than leaving it to the write step (which is handed this hash).
      hash,
      links: packLinks(rendered.links),
      ids: JSON.stringify([...rendered.ids]),
      title: rendered.title,
      dangling: state?.dangling ?? [],
      markdownLinks: state?.markdownLinks ?? [],
      cacheKeys,
      fragmentsElsewhere: rendered.links.some((l) => l.fragment !== '' && l.target !== '' && l.target !== rendered.path),
    })
    return { hash, bytes }
  }

  /** Records the link check's findings on every page of the memo (site path → findings; none when absent). */
  recordChecks(siteKey: string, problems: ReadonlyMap<string, LinkProblem[]>): void {
    for (const kept of this.pages.values()) kept.checked = { siteKey, problems: problems.get(kept.path) ?? [] }
  }

  /** Forgets pages the last build no longer made. */
  retainOnly(pages: ReadonlySet<string>): void {
    for (const page of [...this.pages.keys()]) if (!pages.has(page)) this.pages.delete(page)
  }

  /** Forgets pages replaced without the memo (see cardOnlyBuild): they are made again next time. */
  forget(pages: Iterable<string>): void {
    for (const page of pages) this.pages.delete(page)
  }

  /** Forgets everything (the output folder no longer holds what the memo describes). */
  clear(): void {
    this.pages.clear()
  }

  /** The memo saved by `save`; empty when there is none or it cannot be read. */
  static load(file: string): PageMemo {
    const memo = new PageMemo()
    try {
      const saved = deserialize(readFileSync(file)) as { format: string; pages: Map<string, KeptPage> }
      if (saved.format === FORMAT && saved.pages instanceof Map) memo.pages = saved.pages
    } catch {
      // No memo: every page is made.
    }
    // Pages a later build replaced without the memo (see cardOnlyBuild) are made again, not kept as they were.
    try {
      for (const page of JSON.parse(readFileSync(staleFile(file), 'utf8')) as string[]) memo.pages.delete(page)
    } catch {
      // None.
    }
    return memo
  }

  save(file: string): void {
    if (saveCacheFile(file, serialize({ format: FORMAT, pages: this.pages }))) rmSync(staleFile(file), { force: true })
  }
}

/** Pages replaced since the memo in `file` was saved (see addStalePages). */
export function staleFile(file: string): string {
  return `${file}.stale`
}

/** Adds pages replaced since the memo in `file` was saved: the next build that loads it makes them again. */
export function addStalePages(file: string, pages: readonly string[]): void {
  let known: string[] = []
  try {
    known = JSON.parse(readFileSync(staleFile(file), 'utf8')) as string[]
  } catch {
    // None yet.
  }
  saveCacheFile(staleFile(file), JSON.stringify([...new Set([...known, ...pages])]))
}

/**
 * The link check's findings on a page kept from the last build, when they still hold: the page is as
 * checked, the site has the same pages and files (`siteKey`), and no link depends on another page's ids.
 */
export function keptFindings(kept: KeptPage, siteKey: string): LinkProblem[] | undefined {
  return !kept.fragmentsElsewhere && kept.checked?.siteKey === siteKey ? kept.checked.problems : undefined
}

export function packLinks(links: readonly LinkRecord[]): string {
  return JSON.stringify(links.map((l) => [l.target, l.fragment]))
}

export function unpackLinks(packed: string): LinkRecord[] {
  return (JSON.parse(packed) as [string, string][]).map(([target, fragment]) => ({ target, fragment }))
}

export function unpackIds(packed: string): string[] {
  return JSON.parse(packed) as string[]
}
