/**
 * Rebuilds the bundled ATT&CK catalogue (data/attack-catalogue.json) and its parsed descriptions
 * (data/attack-descriptions.mdast.jsonl, see src/site/bundled-mdast.ts).
 *
 *   node lib/scripts/attack-update.js FILE [--out PATH] [--no-merge]
 *
 * FILE is an official ATT&CK STIX 2.x bundle (enterprise-attack.json) or a flat catalogue
 * (`{tactics, legacy_tactics, techniques}`). Unless --no-merge is given, techniques and tactic tags
 * the previous catalogue had and FILE lacks are kept (rules written years ago still name them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { catalogueFromCatalog } from '../attack/catalogue-from-catalog.js'
import { catalogueFromStix } from '../attack/catalogue-from-stix.js'
import { BUNDLED_CATALOGUE_PATH, readCatalogue } from '../attack/load-catalogue.js'
import { mergeCatalogues } from '../attack/merge-catalogues.js'
import type { AttackCatalogue } from '../attack/catalogue.js'
import type { RootContent } from 'mdast'
import { BUNDLED_MDAST_PATH, bundledMdastKey, bundledMdastText, descriptionTexts } from '../site/bundled-mdast.js'
import { parseMarkdown } from '../site/markdown-processor.js'

function main(argv: string[]): number {
  const args = [...argv]
  let out = BUNDLED_CATALOGUE_PATH
  let merge = true
  const files: string[] = []
  while (args.length) {
    const arg = args.shift()!
    if (arg === '--out') out = args.shift() ?? ''
    else if (arg === '--no-merge') merge = false
    else files.push(arg)
  }
  if (files.length !== 1 || !out) {
    process.stderr.write('usage: attack-update FILE [--out PATH] [--no-merge]\n')
    return 2
  }
  const file = files[0]!
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    process.stderr.write(`${file}: cannot read JSON: ${(error as Error).message}\n`)
    return 1
  }
  const isStix = typeof json === 'object' && json !== null && Array.isArray((json as { objects?: unknown }).objects)
  const result = isStix ? catalogueFromStix(json) : catalogueFromCatalog(json)
  if (!result.catalogue) {
    for (const error of result.errors) process.stderr.write(`${file}: ${error}\n`)
    return 1
  }
  let catalogue: AttackCatalogue = result.catalogue
  if (merge && existsSync(out)) {
    try {
      catalogue = mergeCatalogues(catalogue, readCatalogue(out))
    } catch (error) {
      process.stderr.write(`warning: previous catalogue not merged: ${(error as Error).message}\n`)
    }
  }
  writeFileSync(out, serialise(catalogue))
  process.stdout.write(
    `${out}: ${catalogue.tactics.length} tactics, ${catalogue.legacyTactics.length} legacy tactics, ${catalogue.techniques.length} techniques (${catalogue.source})\n`,
  )
  if (out === BUNDLED_CATALOGUE_PATH) process.stdout.write(`${BUNDLED_MDAST_PATH}: ${writeBundledMdast(catalogue)} parsed descriptions\n`)
  return 0
}

/** One technique per line: diffs of the bundled file stay readable. */
function serialise(c: AttackCatalogue): string {
  const list = (items: unknown[]) => (items.length ? `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]` : '[]')
  return `{\n  "source": ${JSON.stringify(c.source)},\n  "tactics": ${list(c.tactics)},\n  "legacyTactics": ${list(c.legacyTactics)},\n  "techniques": ${list(c.techniques)}\n}\n`
}

/** Writes the parsed descriptions of `catalogue` (positions left out: pages rendered from trees have none). */
function writeBundledMdast(catalogue: AttackCatalogue): number {
  const texts = new Set(catalogue.techniques.flatMap((t) => (t.description ? descriptionTexts(t.description) : [])))
  const entries = [...texts].map((text): [string, RootContent[]] => [bundledMdastKey(text), JSON.parse(JSON.stringify(parseMarkdown(text), (key, value) => (key === 'position' ? undefined : value)))])
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  writeFileSync(BUNDLED_MDAST_PATH, bundledMdastText(entries))
  return entries.length
}

process.exitCode = main(process.argv.slice(2))
