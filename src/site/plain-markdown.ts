/**
 * Markdown that is only paragraphs of plain words (most test descriptions of Atomic Red Team) as the
 * site's pipeline renders it, without the parse: `<p>` per paragraph, lines kept, the spaces around them
 * dropped. Undefined for anything else: a character with a meaning (markup, escapes, references, HTML), an
 * autolink, a line that could start a block (list, heading underline, indented code) or a hard break.
 * renderMarkdownParts sends one such text through the pipeline as well and uses these only when both agree.
 */
export function plainMarkdownHtml(text: string): string | undefined {
  if (!PLAIN.test(text) || AUTOLINK_LIKE.test(text) || LOOSE_UNDERSCORE.test(text) || ESCAPE_OR_BREAK.test(text)) return undefined
  const paragraphs: string[] = []
  let lines: string[] = []
  let hardBreak = false
  const close = () => {
    if (lines.length > 0) paragraphs.push(`<p>${lines.join('\n')}</p>`)
    lines = []
    hardBreak = false
  }
  for (const line of text.split('\n')) {
    const content = line.trim()
    if (content === '') {
      close()
      continue
    }
    // Two spaces before a line ending inside a paragraph make a <br>; at its end they are dropped.
    if (hardBreak) return undefined
    const indent = line.length - line.trimStart().length
    if ((lines.length === 0 && indent >= 4) || !START.test(content) || ORDERED_ITEM.test(content)) return undefined
    hardBreak = line.length - line.trimEnd().length >= 2
    lines.push(content)
  }
  close()
  return paragraphs.length > 0 ? paragraphs.join('\n') : undefined
}

const PLAIN = /^[A-Za-z0-9 ,.:;()'"?/=%+$!#{}_\\\n-]+$/
const AUTOLINK_LIKE = /[Ww]{3}\.|:\/\//
/** An underscore not inside a word (one between two letters or digits can neither open nor close emphasis). */
const LOOSE_UNDERSCORE = /(?:^|[^A-Za-z0-9])_|_(?:[^A-Za-z0-9]|$)/
/** A backslash that escapes punctuation or breaks the line; before a letter or digit it is itself. */
const ESCAPE_OR_BREAK = /\\(?:[^A-Za-z0-9]|$)/
/** Characters no block starts with (`-`, `+`, `=`, `#`… are left out). */
const START = /^[A-Za-z0-9("'/$%:;,.?!{]/
const ORDERED_ITEM = /^\d{1,9}[.)](?: |$)/
