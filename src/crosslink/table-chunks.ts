import type { RootContent, Table, TableRow } from 'mdast'
import { spreadHash } from './spread-hash.js'

/**
 * Body rows handled together when a long table is printed or rendered in chunks, on average: small enough
 * that a one-row change redoes little, big enough to keep the per-chunk cost low. After a title edit,
 * printing and rendering the changed chunks of the corpus's tactic and status pages took 0.13 s in a new
 * process with 32, 0.31 s with 128.
 */
export const CHUNK_ROWS = 32
/** Bounds of a chunk's size, in body rows. */
const MIN_ROWS = 8
const MAX_ROWS = 4 * CHUNK_ROWS

/** Indexes of the top-level tables with more body rows than one chunk. */
export function longTables(children: readonly RootContent[]): number[] {
  return children.map((node, i) => (node.type === 'table' && node.children.length - 1 > CHUNK_ROWS ? i : -1)).filter((i) => i >= 0)
}

const chunked = new WeakMap<Table, { chunk: Table; json: string }[]>()

/**
 * The table's row chunks (every one with the header row), each with its JSON, which chunk keys are made of.
 * A chunk ends after a row whose content hash is a multiple of CHUNK_ROWS: where chunks end depends on the
 * rows themselves, not on their positions, so a row that moves (a retitled rule in a table sorted by title)
 * or comes and goes changes the chunks around it only, not every chunk after it. Printing the Markdown and
 * rendering the HTML of a page chunk the same table object: this is done once.
 */
export function keyedChunks(table: Table): { chunk: Table; json: string }[] {
  const known = chunked.get(table)
  if (known) return known
  const [header, ...body] = table.children
  const opening = `{"type":"table","align":${JSON.stringify(table.align)},"children":[${JSON.stringify(header)}`
  const out: { chunk: Table; json: string }[] = []
  let rows: TableRow[] = []
  let jsons: string[] = []
  const end = () => {
    out.push({ chunk: { type: 'table', align: table.align, children: [header!, ...rows] }, json: `${opening},${jsons.join(',')}]}` })
    rows = []
    jsons = []
  }
  for (const row of body) {
    const json = rowJson(row)
    rows.push(row)
    jsons.push(json)
    if ((rows.length >= MIN_ROWS && boundaryHash(json) % CHUNK_ROWS === 0) || rows.length >= MAX_ROWS) end()
  }
  if (rows.length > 0) end()
  chunked.set(table, out)
  return out
}

// Rows kept between builds (see perRule) are not serialised again: the JSON of every row of the corpus's
// long tables took 35 ms of each watching rebuild.
const rowJsons = new WeakMap<TableRow, string>()

function rowJson(row: TableRow): string {
  let json = rowJsons.get(row)
  if (json === undefined) rowJsons.set(row, (json = JSON.stringify(row)))
  return json
}

/** Characters of a row's JSON at either end that place chunk ends (a row's cells differ there: its link, its last cells). */
const BOUNDARY_HEAD = 192
const BOUNDARY_TAIL = 64

/**
 * Where chunks end, from the row's JSON: its length and its first and last characters (see spreadHash).
 * Hashing every character of every row of the corpus's tables took 15–45 ms of each build after an edit; rows
 * alike at both ends only end chunks alike, which the chunk size bounds already limit.
 */
function boundaryHash(json: string): number {
  const head = Math.min(json.length, BOUNDARY_HEAD)
  return spreadHash(json, [
    [0, head],
    [Math.max(head, json.length - BOUNDARY_TAIL), json.length],
  ])
}

/** Text that stands for long table `i` while the rest of the page is printed or rendered (private-use characters). */
export function tablePlaceholder(i: number): string {
  return `\uE003table-${i}\uE003`
}
