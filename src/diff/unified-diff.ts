import { diffLines, type DiffLine } from './diff-lines.js'

// Marks a last line without a newline, so that adding or removing the final newline is a change.
const NO_EOL = '\u0000no-eol'

/** Splits a text into lines; a final newline does not make an empty last line. */
export function textLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  else lines[lines.length - 1] += NO_EOL
  return lines
}

function printLine(l: DiffLine): string[] {
  return l.text.endsWith(NO_EOL) ? [`${l.op}${l.text.slice(0, -NO_EOL.length)}`, '\\ No newline at end of file'] : [`${l.op}${l.text}`]
}

/**
 * A unified diff (`diff -u` format, 3 lines of context) of two texts, with `--- a/<name>` / `+++ b/<name>`
 * headers; `/dev/null` stands for a missing side. Empty when the texts are equal.
 */
export function unifiedDiff(name: string, before: string | undefined, after: string | undefined, context = 3): string {
  if (before === after) return ''
  const lines = diffLines(textLines(before ?? ''), textLines(after ?? ''))
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${name}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${name}`}`]
  for (const hunk of hunks(lines, context)) out.push(...hunk)
  return `${out.join('\n')}\n`
}

function hunks(lines: readonly DiffLine[], context: number): string[][] {
  const changes = lines.flatMap((l, i) => (l.op === ' ' ? [] : [i]))
  const out: string[][] = []
  let i = 0
  while (i < changes.length) {
    let start = Math.max(0, changes[i]! - context)
    let end = Math.min(lines.length, changes[i]! + context + 1)
    while (i + 1 < changes.length && changes[i + 1]! - context <= end) end = Math.min(lines.length, changes[++i]! + context + 1)
    i++
    // Line numbers of the hunk start on each side.
    let oldLine = 1
    let newLine = 1
    for (const l of lines.slice(0, start)) {
      if (l.op !== '+') oldLine++
      if (l.op !== '-') newLine++
    }
    const body = lines.slice(start, end)
    const oldCount = body.filter((l) => l.op !== '+').length
    const newCount = body.filter((l) => l.op !== '-').length
    const range = (line: number, count: number) => `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`
    out.push([`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`, ...body.flatMap(printLine)])
    start = end
  }
  return out
}
