import type { RootContent, Table } from 'mdast'
import { hashOf } from '../cache/hash.js'
import type { KeyedStore } from '../cache/unit-store.js'
import { printMarkdown } from './markdown.js'
import { keyedChunks, longTables, tablePlaceholder } from './table-chunks.js'

/** Bump when printMarkdown prints the same rows differently. */
const VERSION = 'print-chunk-1'

/**
 * printMarkdown, with each long table printed in chunks of rows kept in `store` under a hash of the rows:
 * a one-rule edit changes a row or two of the conversion status and tactic tables, so only those chunks
 * are printed again. Tables print one line per row (no column padding), so a chunk's lines are its rows.
 * A chunk that does not print as its header and one line per row makes the page print whole. `keys`: the
 * chunks' entries, which the page needs again while it is kept.
 */
export function printInChunks(children: RootContent[], store: KeyedStore, salt: string): { text: string; keys: string[] } {
  const keys: string[] = []
  const long = longTables(children)
  if (long.length === 0) return { text: printMarkdown(children), keys }
  let text = printMarkdown(children.map((node, i): RootContent => (long.includes(i) ? { type: 'html', value: tablePlaceholder(i) } : node)))
  for (const i of long) {
    const table = tableText(children[i] as Table, store, salt, keys)
    if (table === undefined || text.split(tablePlaceholder(i)).length !== 2) return { text: printMarkdown(children), keys: [] }
    text = text.replace(tablePlaceholder(i), () => table)
  }
  return { text, keys }
}

function tableText(table: Table, store: KeyedStore, salt: string, keys: string[]): string | undefined {
  let head: string | undefined
  const rows: string[] = []
  for (const { chunk, json } of keyedChunks(table)) {
    const key = hashOf(VERSION, salt, json)
    keys.push(key)
    let printed = store.get<{ head: string; rows: string }>(key)
    if (!printed) {
      const lines = printMarkdown([chunk]).replace(/\n$/, '').split('\n')
      if (lines.length !== chunk.children.length + 1) return undefined
      printed = { head: lines.slice(0, 2).join('\n'), rows: lines.slice(2).join('\n') }
      store.put(key, printed, true)
    }
    if (head !== undefined && head !== printed.head) return undefined
    head = printed.head
    rows.push(printed.rows)
  }
  return head === undefined ? undefined : `${head}\n${rows.join('\n')}`
}
