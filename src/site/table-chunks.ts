import type { Root as MdastRoot, RootContent, Table } from 'mdast'
import { hashOf } from '../cache/hash.js'
import type { KeyedStore } from '../cache/unit-store.js'
import type { SiteIndex } from './link-resolver.js'
import type { PageState } from './page-plugins.js'
import { recordingSite, stillValid, type SiteAnswers } from './site-answers.js'
import { keyedChunks, longTables, tablePlaceholder } from '../crosslink/table-chunks.js'

/** Bump when a chunk's rendering changes for the same rows. */
const VERSION = 'table-chunk-1'

/** What rendering a chunk of rows gave, kept under a key of its rows. */
export interface RenderedChunk {
  /** The `<tr>` elements, as the table's body prints them. */
  rows: string
  links: PageState['links']
  dangling: PageState['dangling']
  asked: SiteAnswers
}

type Render = (root: MdastRoot, site: SiteIndex) => { html: string; state: PageState }

const BODY_START = '<tbody>\n'
const BODY_END = '\n</tbody>'

/**
 * Renders a page whose tables are long (the conversion status, tactic pages) so that only the rows that
 * changed since the last build go through the pipeline again: each long table is rendered in chunks of
 * rows, each chunk kept in `store` under a hash of its rows. The rest of the page is rendered as one
 * document with a placeholder where each long table goes, so heading ids and the title come out as for
 * the whole page. Undefined when the page has no long table or a chunk does not come out as a table body
 * (the caller then renders the page whole).
 */
export function renderInChunks(root: MdastRoot, page: string, site: SiteIndex, render: Render, store: KeyedStore | undefined, salt: string): { html: string; state: PageState; parts: string[] } | undefined {
  const long = longTables(root.children)
  if (long.length === 0) return undefined
  const main = render({ type: 'root', children: root.children.map((node, i): RootContent => (long.includes(i) ? { type: 'paragraph', children: [{ type: 'text', value: tablePlaceholder(i) }] } : node)) }, site)
  let html = main.html
  const parts: string[] = []
  for (const i of long) {
    const table = tableHtml(root.children[i] as Table, page, site, render, store, salt)
    const placeholder = `<p>${tablePlaceholder(i)}</p>`
    if (!table || html.indexOf(placeholder) < 0 || html.indexOf(placeholder) !== html.lastIndexOf(placeholder)) return undefined
    html = html.replace(placeholder, () => table.html)
    main.state.links.push(...table.links)
    main.state.dangling.push(...table.dangling)
    parts.push(...table.keys)
  }
  return { html, state: main.state, parts }
}

function tableHtml(table: Table, page: string, site: SiteIndex, render: Render, store: KeyedStore | undefined, salt: string): { html: string; links: PageState['links']; dangling: PageState['dangling']; keys: string[] } | undefined {
  let frame: { before: string; after: string } | undefined
  const rows: string[] = []
  const links: PageState['links'] = []
  const dangling: PageState['dangling'] = []
  const keys: string[] = []
  for (const { chunk, json } of keyedChunks(table)) {
    const key = store ? hashOf(VERSION, salt, page, json) : ''
    keys.push(key)
    let done = store?.get<RenderedChunk & { frame: { before: string; after: string } }>(key)
    // A kept chunk holds while the site answers its questions as before; asking again records them for the page.
    if (done && !stillValid(done, site)) done = undefined
    if (!done) {
      const made = renderChunk(chunk, site, render)
      if (!made) return undefined
      done = made
      store?.put(key, done, true)
    }
    if (frame && (frame.before !== done.frame.before || frame.after !== done.frame.after)) return undefined
    frame = done.frame
    rows.push(done.rows)
    links.push(...done.links)
    dangling.push(...done.dangling)
  }
  return frame && { html: `${frame.before}${rows.join('\n')}${frame.after}`, links, dangling, keys }
}

function renderChunk(chunk: Table, site: SiteIndex, render: Render): (RenderedChunk & { frame: { before: string; after: string } }) | undefined {
  const asked: SiteAnswers = []
  const { html, state } = render({ type: 'root', children: [chunk] }, recordingSite(site, asked))
  const start = html.indexOf(BODY_START)
  const end = html.lastIndexOf(BODY_END)
  // Rows hold no headings (no ids to number across chunks); anything else is rendered whole.
  if (start < 0 || end < start || html.indexOf(BODY_START, start + 1) >= 0 || state.ids.size > 0 || state.title !== undefined) return undefined
  return {
    frame: { before: html.slice(0, start + BODY_START.length), after: html.slice(end) },
    rows: html.slice(start + BODY_START.length, end),
    links: state.links,
    dangling: state.dangling,
    asked,
  }
}
