/**
 * CSV the way Python's csv.writer prints it (ATC's exports): fields quoted only when they hold a comma,
 * a quote or a line break, quotes doubled, rows ended by CRLF. A field that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, so rule text stays data when opened.
 */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && value !== '-' ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('')
}
