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
 */
export const BUNDLED_MDAST_PATH = packagePath('data', 'attack-descriptions.mdast.json')

/** Bump when the parser's options change what it makes of the same text. */
const VERSION = 'gfm-1'

let table: Map<string, RootContent[]> | undefined

/** The parsed children of `text` when the bundle has them (a fresh copy: the pipeline may change nodes). */
export function bundledMdast(text: string): RootContent[] | undefined {
  table ??= readTable()
  const children = table.get(bundledMdastKey(text))
  return children && structuredClone(children)
}

/** The texts the site parses for each technique: the technique page's description and the trigger page's quote. */
export function descriptionTexts(description: string): string[] {
  return [withoutCitations(description), attackDescriptionLines(description).join('\n')]
}

/** The entry of a text in the bundle. */
export function bundledMdastKey(text: string): string {
  return hashOf(VERSION, text)
}

function readTable(): Map<string, RootContent[]> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(BUNDLED_MDAST_PATH, 'utf8')) as Record<string, RootContent[]>))
  } catch {
    // No bundle (or a damaged one) only costs time.
    return new Map()
  }
}
