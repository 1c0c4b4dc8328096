/**
 * The string trimming the Atomic Red Team pages show. Only ASCII whitespace (and NUL) is
 * trimmed: a description line ending in a no-break space keeps it, so this is Ruby's
 * `String#strip`, not Python's `str.strip()` or JS `trim()` (both also drop U+00A0, U+2028…).
 */
const EDGE_SPACE = /^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g

export function stripText(text: string): string {
  return text.replace(EDGE_SPACE, '')
}

/** Lines of a text: a final line break does not start another line, and '' has no lines. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r\n|\n|\r/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
