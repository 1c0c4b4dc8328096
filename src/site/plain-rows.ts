import type { PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { resolveLink, type SiteIndex } from './link-resolver.js'
import type { PageState } from './page-plugins.js'

/**
 * Long tables of plain rows (the tactic, technique and status pages) rendered to HTML without the
 * pipeline: a row whose cells hold only inert text, links to pages of this site, names in code and bold
 * or italic text of those comes out of remark-rehype, sanitizing, site links and printing unchanged but
 * for the links, so it is printed here. Each table's first row of every cell shape still goes through the
 * pipeline, and the page is taken only if the pipeline printed those rows as this module does (else the
 * caller renders it the usual way): a change in any of those libraries shows as a slower page, never a
 * different one.
 */
export interface PlainRows {
  /**
   * The page with each run of plain rows replaced by one placeholder row, whose first cell links to
   * `#marker`: where the pipeline records that link, the run's own links go, in page order.
   */
  root: Root
  runs: { marker: string; html: string; links: PageState['links'] }[]
  /** HTML this module gives the rows left to the pipeline: each must appear in the pipeline's output. */
  probes: string[]
}

/** Marks a placeholder row's first cell (Unicode private use: no input text holds it, see TEXT). */
const MARK = '\uE011'

/** Undefined when no row can be printed here (nothing to gain). */
export function plainRows(root: Root, page: string, site: SiteIndex): PlainRows | undefined {
  const runs: PlainRows['runs'] = []
  const probes: string[] = []
  const children = root.children.map((node): RootContent => (node.type === 'table' ? withRuns(node, page, site, runs, probes) : node))
  return runs.length === 0 ? undefined : { root: { type: 'root', children }, runs, probes }
}

/**
 * What the pipeline made of the page with placeholders, with the rows printed here put in (HTML and
 * links); undefined when a probe or a placeholder is not found as expected.
 */
export function fillPlainRows(html: string, links: PageState['links'], rows: PlainRows): { html: string; links: PageState['links'] } | undefined {
  if (!rows.probes.every((probe) => html.includes(probe))) return undefined
  // Each placeholder's label holds the mark twice (its href holds it percent-encoded); any other is not ours.
  if (html.split(MARK).length - 1 !== rows.runs.length * 2) return undefined
  const pieces: string[] = []
  const outLinks: PageState['links'] = []
  let from = 0
  let linkFrom = 0
  // Placeholders come in page order: one pass over the HTML and the links.
  for (const run of rows.runs) {
    // The href comes out percent-encoded; the label as it is.
    const at = html.indexOf(`">${run.marker}</a></td>`, from)
    const start = html.lastIndexOf('<tr>', at)
    const end = html.indexOf('</tr>', at)
    const link = links.findIndex((l, i) => i >= linkFrom && l.target === '' && l.fragment === run.marker)
    if (at < 0 || start < from || end < 0 || link < 0) return undefined
    pieces.push(html.slice(from, start), run.html)
    outLinks.push(...links.slice(linkFrom, link), ...run.links)
    from = end + '</tr>'.length
    linkFrom = link + 1
  }
  pieces.push(html.slice(from))
  outLinks.push(...links.slice(linkFrom))
  return { html: pieces.join(''), links: outLinks }
}

function withRuns(table: Table, page: string, site: SiteIndex, runs: PlainRows['runs'], probes: string[]): Table {
  const align = table.align ?? []
  const [header, ...body] = table.children
  if (header === undefined || align.length === 0 || table.children.some((row) => row.children.length !== align.length)) return table
  const shapes = new Set<string>()
  const out: TableRow[] = [header]
  let run: string[] = []
  let runLinks: PageState['links'] = []
  const endRun = () => {
    if (run.length === 0) return
    const marker = `${MARK}${runs.length}${MARK}`
    runs.push({ marker, html: run.join('\n'), links: runLinks })
    const first: TableCell = { type: 'tableCell', children: [{ type: 'link', url: `#${marker}`, children: [{ type: 'text', value: marker }] }] }
    out.push({ type: 'tableRow', children: align.map((_, i) => (i === 0 ? first : { type: 'tableCell', children: [] })) })
    run = []
    runLinks = []
  }
  for (const row of body) {
    const rowLinks: PageState['links'] = []
    const html = rowHtml(row, align, page, site, rowLinks)
    if (html !== undefined) {
      const shape = shapeOf(row)
      if (shapes.has(shape)) {
        run.push(html)
        runLinks.push(...rowLinks)
        continue
      }
      // The table's first row of this cell shape goes through the pipeline as the probe.
      shapes.add(shape)
      probes.push(html)
    }
    endRun()
    out.push(row)
  }
  endRun()
  return { ...table, children: out }
}

function shapeOf(row: TableRow): string {
  const of = (nodes: readonly PhrasingContent[]): string => nodes.map((n) => ('children' in n ? `${n.type}(${of(n.children)})` : n.type)).join(',')
  return row.children.map((cell) => of(cell.children)).join('|')
}

function rowHtml(row: TableRow, align: readonly (string | null | undefined)[], page: string, site: SiteIndex, links: PageState['links']): string | undefined {
  const cells: string[] = []
  for (let i = 0; i < row.children.length; i++) {
    const content = phrasingHtml(row.children[i].children, page, site, links)
    if (content === undefined) return undefined
    cells.push(`<td${align[i] ? ` align="${align[i]}"` : ''}>${content}</td>`)
  }
  return `<tr>\n${cells.join('\n')}\n</tr>`
}

/** Text printed as it is: nothing HTML escapes, no line ending the pipeline would rewrite, no marker. */
const TEXT = /^[^&<>\u0000-\u001f\u007f\uE000-\uF8FF]+$/
/** An href printed as it is (the resolver percent-encodes the rest). */
const HREF = /^[A-Za-z0-9._~%/#-]+$/

function phrasingHtml(nodes: readonly PhrasingContent[], page: string, site: SiteIndex, links: PageState['links']): string | undefined {
  let out = ''
  for (const node of nodes) {
    let html: string | undefined
    if (node.type === 'text') html = TEXT.test(node.value) ? node.value : undefined
    else if (node.type === 'inlineCode') html = TEXT.test(node.value) ? `<code>${node.value}</code>` : undefined
    else if (node.type === 'strong' || node.type === 'emphasis') {
      const inner = node.children.length > 0 ? phrasingHtml(node.children, page, site, links) : undefined
      const tag = node.type === 'strong' ? 'strong' : 'em'
      html = inner === undefined ? undefined : `<${tag}>${inner}</${tag}>`
    } else if (node.type === 'link' && !node.title && node.children.length > 0) {
      const resolved = resolveLink(page, node.url, site)
      const label = resolved.kind === 'internal' && HREF.test(resolved.href) ? phrasingHtml(node.children, page, site, links) : undefined
      if (resolved.kind === 'internal' && label !== undefined) {
        links.push({ target: resolved.target, fragment: resolved.fragment })
        html = `<a href="${resolved.href}">${label}</a>`
      }
    }
    if (html === undefined) return undefined
    out += html
  }
  return out
}
