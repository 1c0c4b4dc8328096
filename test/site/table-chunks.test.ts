import { describe, expect, it } from 'vitest'
import type { Root, Table } from 'mdast'
import { md } from '../../src/crosslink/markdown.js'
import { renderMarkdownTree } from '../../src/site/markdown-processor.js'
import { siteIndexOf } from '../../src/site/site-context.js'
import { CHUNK_ROWS } from '../../src/crosslink/table-chunks.js'

/** A page like the conversion status: headings, a long table of links (some to pages the site lacks), a short one. */
function page(rows: number, title = (i: number) => `Rule ${i} <b>*x*</b> | pipe`): Root {
  const long = Array.from({ length: rows }, (_, i) => [[md.link(`Detection_Rules/r${i}.md`, title(i))], [md.code(`backend-${i % 7}`)], i % 3 ? '✓' : '✗'])
  return {
    type: 'root',
    children: [
      md.heading(1, 'Status'),
      md.p('Intro with a ', md.link('Tactics/TA0001.md', 'tactic'), '.'),
      md.heading(2, 'All rules'),
      md.table(['Rule', 'Backend', 'OK'], long, [null, null, 'center']),
      md.heading(2, 'All rules'),
      md.table(['A', 'B'], [['1', '2']]),
    ],
  }
}

function memoryStore() {
  const entries = new Map<string, unknown>()
  let puts = 0
  return {
    get: <T>(key: string) => entries.get(key) as T | undefined,
    put: <T>(key: string, value: T) => void (puts++, entries.set(key, value)),
    get puts() {
      return puts
    },
  }
}

describe('long tables rendered in chunks of rows', () => {
  const rows = CHUNK_ROWS * 3 + 5
  // Every other rule has a page: the rest are links the site cannot follow.
  const site = siteIndexOf(['Tactics/TA0001.md', ...Array.from({ length: rows }, (_, i) => (i % 2 ? `Detection_Rules/r${i}.md` : '')).filter(Boolean)])

  it('give the HTML and page state of the page rendered whole', () => {
    const whole = renderMarkdownTree(page(rows), 'Conversion_Status.md', site)
    const chunked = renderMarkdownTree(page(rows), 'Conversion_Status.md', site, { store: memoryStore(), salt: 's' })
    expect(chunked.html).toBe(whole.html)
    expect(chunked.state.ids).toEqual(whole.state.ids)
    expect(chunked.state.title).toBe(whole.state.title)
    expect(new Set(chunked.state.links.map((l) => JSON.stringify(l)))).toEqual(new Set(whole.state.links.map((l) => JSON.stringify(l))))
    expect(chunked.state.links.length).toBe(whole.state.links.length)
    expect(chunked.state.dangling.length).toBe(whole.state.dangling.length)
    expect(whole.state.dangling.length).toBeGreaterThan(0)
  })

  it('render again only the chunk whose rows changed, and a chunk whose links now resolve differently', () => {
    const store = memoryStore()
    const chunks = { store, salt: 's' }
    renderMarkdownTree(page(rows), 'Conversion_Status.md', site, chunks)
    const first = store.puts
    expect(first).toBeGreaterThanOrEqual(2)
    const edited = page(rows, (i) => (i === CHUNK_ROWS + 1 ? 'Edited title' : `Rule ${i} <b>*x*</b> | pipe`))
    const again = renderMarkdownTree(edited, 'Conversion_Status.md', site, chunks)
    // The edited row's chunk; where it ends may move, which takes its neighbour along.
    const editPuts = store.puts - first
    expect(editPuts).toBeGreaterThanOrEqual(1)
    expect(editPuts).toBeLessThanOrEqual(2)
    expect(again.html).toBe(renderMarkdownTree(edited, 'Conversion_Status.md', site).html)
    // r0 gets a page: the first chunk asked about it, so it is rendered again and now links it.
    const grown = siteIndexOf([...site.pages, 'Detection_Rules/r0.md'])
    const regrown = renderMarkdownTree(edited, 'Conversion_Status.md', grown, chunks)
    expect(store.puts - first).toBe(editPuts + 1)
    expect(regrown.html).toBe(renderMarkdownTree(edited, 'Conversion_Status.md', grown).html)
    expect(regrown.html).toContain('Detection_Rules/r0.html')
  })

  it('render again only the chunks around a row that moved, not every chunk after it', () => {
    const store = memoryStore()
    const chunks = { store, salt: 's' }
    const many = CHUNK_ROWS * 12
    const big = siteIndexOf(Array.from({ length: many }, (_, i) => `Detection_Rules/r${i}.md`))
    renderMarkdownTree(page(many), 'Conversion_Status.md', big, chunks)
    const first = store.puts
    expect(first).toBeGreaterThan(6)
    // The last row moves to the top, as a retitled rule moves in a table sorted by title.
    const moved = page(many)
    const table = moved.children[3] as Table
    const [header, ...body] = table.children
    table.children = [header!, body[body.length - 1]!, ...body.slice(0, -1)]
    const again = renderMarkdownTree(moved, 'Conversion_Status.md', big, chunks)
    expect(store.puts - first).toBeLessThanOrEqual(4)
    expect(again.html).toBe(renderMarkdownTree(moved, 'Conversion_Status.md', big).html)
  })
})
