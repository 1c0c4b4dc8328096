import type { Table } from 'mdast'
import { plainCell } from './plain-phrasing.js'

/**
 * A GFM table printed row by row: rows of plain cells (see plainCell) directly, any other row by
 * `printTable` (the GFM extension's handler) given a table of that row alone. Valid for the settings the
 * cross-link pages print with: cell padding on, pipes not aligned, so no row depends on another. Undefined
 * (print the whole table the usual way) when rows and alignment disagree on the column count.
 */
export function plainTable(table: Table, printTable: (table: Table) => string): string | undefined {
  const columns = table.align?.length ?? 0
  const [header, ...rows] = table.children
  if (header === undefined || columns === 0 || table.children.some((row) => row.children.length !== columns)) return undefined
  // The header comes with the delimiter row, which no cell's content changes (pipes are not aligned).
  const head = printTable({ ...table, children: [header] })
  const delimiter = head.slice(head.lastIndexOf('\n'))
  const lines = [head]
  for (const row of rows) {
    const cells: string[] = []
    for (const cell of row.children) {
      const printed = plainCell(cell, ' ')
      if (printed === undefined) break
      cells.push(printed)
    }
    if (cells.length === columns) {
      // As markdown-table pads: an empty cell gets the closing space only.
      lines.push(`|${cells.map((cell) => `${cell === '' ? '' : ` ${cell}`} |`).join('')}`)
      continue
    }
    const alone = printTable({ ...table, children: [row] })
    if (!alone.endsWith(delimiter)) return undefined
    lines.push(alone.slice(0, -delimiter.length))
  }
  return lines.join('\n')
}
