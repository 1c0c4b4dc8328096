/**
 * Line and column (1-based) of the Markdown link whose `](href)` is `needle`, at its `[`: where a page made
 * from the model reports a link of its wiki card that the site cannot follow. 1:1 when the card lacks it.
 */
export function positionOf(markdown: string, needle: string): { line: number; col: number } {
  const at = markdown.indexOf(needle)
  if (at < 0) return { line: 1, col: 1 }
  const start = Math.max(0, markdown.lastIndexOf('[', at))
  const lineStart = markdown.lastIndexOf('\n', start) + 1
  let line = 1
  for (let i = markdown.indexOf('\n'); i !== -1 && i < start; i = markdown.indexOf('\n', i + 1)) line++
  return { line, col: start - lineStart + 1 }
}
