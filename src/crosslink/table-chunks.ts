import type { RootContent, Table } from 'mdast'

/**
 * Body rows handled together when a long table is printed or rendered in chunks: small enough that a
 * one-row change redoes little, big enough to keep the per-chunk cost low. 32 rather than 128: after a
 * title edit, printing and rendering the changed chunks of the corpus's tactic and status pages took
 * 0.13 s instead of 0.31 s in a new process.
 */
export const CHUNK_ROWS = 32

/** Indexes of the top-level tables with more body rows than one chunk. */
export function longTables(children: readonly RootContent[]): number[] {
  return children.map((node, i) => (node.type === 'table' && node.children.length - 1 > CHUNK_ROWS ? i : -1)).filter((i) => i >= 0)
}

/** The table as tables of CHUNK_ROWS body rows each, every one with the header row. */
function rowChunks(table: Table): Table[] {
  const [header, ...body] = table.children
  const chunks: Table[] = []
  for (let start = 0; start < body.length; start += CHUNK_ROWS) chunks.push({ type: 'table', align: table.align, children: [header!, ...body.slice(start, start + CHUNK_ROWS)] })
  return chunks
}

const chunkJsons = new WeakMap<Table, string[]>()

/**
 * The table's row chunks, each with its JSON (what chunk keys are made of). Printing the Markdown and
 * rendering the HTML of a page key the same chunks of the same table object: the JSON is made once.
 */
export function keyedChunks(table: Table): { chunk: Table; json: string }[] {
  const chunks = rowChunks(table)
  let jsons = chunkJsons.get(table)
  if (!jsons || jsons.length !== chunks.length) chunkJsons.set(table, (jsons = chunks.map((chunk) => JSON.stringify(chunk))))
  return chunks.map((chunk, i) => ({ chunk, json: jsons[i]! }))
}

/** Text that stands for long table `i` while the rest of the page is printed or rendered (private-use characters). */
export function tablePlaceholder(i: number): string {
  return `\uE003table-${i}\uE003`
}
