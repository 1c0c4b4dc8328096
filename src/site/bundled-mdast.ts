import { readFileSync } from 'node:fs'
import type { RootContent } from 'mdast'
import { hashOf } from '../cache/hash.js'
import { withoutCitations } from '../crosslink/page-links.js'
import { attackDescriptionLines } from '../render/trigger-format.js'
import { packagePath } from '../package-root.js'

/**
 * The ATT&CK descriptions as the Markdown parser reads them, in the two forms the site's pages show: made by
 * `npm run attack:update` beside the catalogue, so a build does not parse the same bundled text (about 1 MB,
 * the largest Markdown the site has) every time. Keyed by the text: a description that is not in the file
 * (another catalogue) is simply parsed.
 *
 * One `[key, children]` JSON array per line: a build after an edit needs a few descriptions, and parsing only
 * their lines instead of the whole 3 MB took 20–40 ms off it (profiled title edits).
 */
export const BUNDLED_MDAST_PATH = packagePath('data', 'attack-descriptions.mdast.jsonl')

/** Bump when the parser's options change what it makes of the same text. */
const VERSION = 'gfm-1'

/** The file's text and where each key's line is in it. */
let table: { text: string; lines: Map<string, [start: number, end: number]> } | undefined

/** The parsed children of `text` when the bundle has them (a fresh copy: the pipeline may change nodes). */
export function bundledMdast(text: string): RootContent[] | undefined {
  table ??= readTable()
  const key = bundledMdastKey(text)
  const at = table.lines.get(key)
  if (!at) return undefined
  try {
    const [lineKey, children] = JSON.parse(table.text.slice(at[0], at[1])) as [unknown, RootContent[]]
    return lineKey === key && Array.isArray(children) ? children : undefined
  } catch {
    return undefined
  }
}

/** The bundle's text for `entries` (key → parsed children). */
export function bundledMdastText(entries: Iterable<[string, RootContent[]]>): string {
  return [...entries].map((entry) => `${JSON.stringify(entry)}\n`).join('')
}

/** The texts the site parses for each technique: the technique page's description and the trigger page's quote. */
export function descriptionTexts(description: string): string[] {
  return [withoutCitations(description), attackDescriptionLines(description).join('\n')]
}

/** The entry of a text in the bundle. */
export function bundledMdastKey(text: string): string {
  return hashOf(VERSION, text)
}

/** A line's opening: the array's first element, the key (40 hex digits, see bundledMdastKey). */
const LINE_KEY = /^\["([0-9a-f]{40})",/

function readTable(): NonNullable<typeof table> {
  const lines = new Map<string, [number, number]>()
  let text = ''
  try {
    text = readFileSync(BUNDLED_MDAST_PATH, 'utf8')
  } catch {
    // No bundle only costs time; a damaged line is parsed when asked for, and found wanting then.
  }
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const key = LINE_KEY.exec(text.slice(start, start + 44))?.[1]
    if (key !== undefined) lines.set(key, [start, end])
    start = end + 1
  }
  return { text, lines }
}
