import type { Link, Strong, TableCell } from 'mdast'

/*
 * Plain words need no escaping, and the printer's escaping pass (dozens of patterns per text node) is most
 * of the cost of thousands of pages. These print such nodes as they are, or return undefined to leave the
 * node to mdast-util-to-markdown; test/crosslink/markdown.test.ts checks both print the same.
 */

/**
 * Text made only of letters, digits, spaces and punctuation that means nothing inline, when nothing around
 * it can turn it into syntax (a block start, a link's `](`, an autolink literal, edge spaces a parser would
 * trim). `before` and `after` are the characters the printer has beside it.
 */
export function plainText(value: string, parentType: string | undefined, before: string, after: string): string | undefined {
  const atStart = before === '' || before === '\n' || before === ' ' || before === '\t'
  const atEnd = after === '' || after === '\n' || after === ' ' || after === '\t'
  const plain =
    PLAIN_CHARS.test(value) &&
    plainUnderscores(value, before, after) &&
    !(atStart && (value.startsWith(' ') || (parentType === 'tableCell' ? /^-[:|-]/.test(value) : BLOCK_START.test(value)) || !/^[A-Za-z0-9✓✗↳-]/.test(value))) &&
    !(atEnd && value.endsWith(' ')) &&
    !(before === ']' && value.startsWith('(')) &&
    !AUTOLINK_LIKE.test(`${before}${value}${after}`)
  return plain ? value : undefined
}

const PLAIN_CHARS = /^[A-Za-z0-9_ ,.:;()'"?↳/=%+$✓✗-]+$/
const AUTOLINK_LIKE = /[Ww]\.[-.\w]|[ps]:\/|\/\//
const BLOCK_START = /^(?:[^A-Za-z0-9✓✗↳]|\d+[.)])/

/**
 * An underscore inside a word (`process_creation`) cannot open or close emphasis, and the printer leaves
 * it alone: each one between two letters or digits, none beside an emphasis marker outside the text.
 */
function plainUnderscores(value: string, before: string, after: string): boolean {
  if (!value.includes('_')) return true
  return !/(?:^|[^A-Za-z0-9])_|_(?:[^A-Za-z0-9]|$)/.test(value) && !/[*_]$/.test(before) && !/^[*_]/.test(after)
}

/**
 * The first character the printer gives a text node printed with nothing around it (how it looks ahead
 * at the next node), when no escape can come first.
 */
function peekText(value: string): string | undefined {
  return PLAIN_CHARS.test(value) && /^[A-Za-z0-9,;:.()'"?/%$✓✗↳]/.test(value) ? value.charAt(0) : undefined
}

/** A link without a title whose label is plain and whose URL holds only unreserved and percent-encoded characters. */
export function plainLink({ url, title, children }: Link): string | undefined {
  const only = children.length === 1 && children[0].type === 'text' ? children[0].value : undefined
  if (!title && only !== undefined && PLAIN_LABEL.test(only) && plainUnderscores(only, '[', ']') && !AUTOLINK_LIKE.test(only) && PLAIN_URL.test(url)) return `[${only}](${url})`
  return undefined
}

const PLAIN_URL = /^[A-Za-z0-9._~%/#-]+$/
const PLAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9_ ,.:;()'"?↳/=%+$-]*[A-Za-z0-9,.:;()'"?↳/=%+$-])?$/

/** Inline code of a name (a backend): no backtick, space or line ending to pad or escape. */
function plainCode(value: string): string | undefined {
  return /^[A-Za-z0-9._-]+$/.test(value) ? `\`${value}\`` : undefined
}

/**
 * A table cell's content as the printer would give it, when every child is plain text, a plain link or
 * plain inline code, or the cell is one bold plain word group; `around` is what the printer puts on either
 * side of a cell's content. As the printer does, a child's `after` is the first character of the next
 * child printed with nothing around it.
 */
export function plainCell(cell: TableCell, around: string): string | undefined {
  const { children } = cell
  if (children.length === 1 && children[0].type === 'strong') return plainStrong(children[0], around)
  let out = ''
  let before = around
  for (let i = 0; i < children.length; i++) {
    const next = children[i + 1]
    const peek = next === undefined ? around : next.type === 'text' ? peekText(next.value) : next.type === 'link' ? '[' : next.type === 'inlineCode' ? '`' : undefined
    if (peek === undefined) return undefined
    const child = children[i]
    const printed = child.type === 'text' ? plainText(child.value, 'tableCell', before, peek) : child.type === 'link' ? plainLink(child) : child.type === 'inlineCode' ? plainCode(child.value) : undefined
    if (!printed) return undefined
    out += printed
    before = printed.charAt(printed.length - 1)
  }
  return out
}

/** Bold text alone between spaces: the printer's `**` can neither join nor split a word there. */
function plainStrong({ children }: Strong, around: string): string | undefined {
  if (around !== ' ' || children.length !== 1 || children[0].type !== 'text') return undefined
  const value = children[0].value
  if (!/^[A-Za-z0-9](?:.*[A-Za-z0-9])?$/.test(value)) return undefined
  const printed = plainText(value, 'strong', '**', '**')
  return printed && `**${printed}**`
}
