import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BuildConfig } from '../config.js'
import type { LinkedRule } from '../model.js'
import { ruleCardContent } from '../site/rule-card-content.js'
import { readManifest } from '../write/output-stage.js'
import { replaceOutputs } from '../write/replace-outputs.js'
import { outputUpToDate, type OutputStamps } from '../write/index.js'
import type { BuildState } from './build-state.js'
import { bundledCatalogue, convertersFor } from './cached-build.js'
import { cardContextKey, linkedRule, readCardEditIndex, siteIndexOfManifest, splicedPage } from './card-edit.js'
import { converterFingerprint } from './converter-fingerprint.js'
import type { InputFile, ListedInputs } from './list-inputs.js'
import { hashOf } from './hash.js'
import { sameStat, type KnownInputs } from './read-inputs.js'
import type { UnitStore } from './unit-store.js'
import { ruleUnit, type RuleContext } from './work-units.js'

// More edited rules than this at once are left to a full build, which shares its work between them.
const MAX_RULES = 8

export interface CardEditOptions {
  tool: string
  /** The index the last full build wrote (see cardEditIndex). */
  indexFile: string
  listed: ListedInputs
  state: BuildState
  known: KnownInputs
  store: UnitStore
}

export interface CardEdit {
  /** The text of each edited rule, as read. */
  texts: Map<string, string>
  stamps: OutputStamps
  /** Output files replaced. */
  written: number
  /** Wiki pages (`Detection_Rules/x.md`) whose site page was replaced. */
  pages: string[]
  units: number
}

/**
 * A build of the rules edited since the last build, when each edit changes only the rule's own card and
 * site page (see CardEditIndex): those two files are made and replaced, everything else stays as the last
 * build left it. Undefined whenever that cannot be shown (another input changed, a rule's facts, links or
 * conversion outcomes changed, a diagnostic appears, an output is not as the last build left it…): the
 * caller then builds as usual.
 */
export function cardEditBuild(config: BuildConfig, options: CardEditOptions): CardEdit | undefined {
  const { tool, listed, state, known, store } = options
  const index = readCardEditIndex(options.indexFile)
  const convertKey = converterFingerprint(config)
  if (!index || !listed.stats || state.key === '' || index.context !== cardContextKey(config, tool, convertKey, listed)) return undefined
  const changed: InputFile[] = []
  for (const file of listed.files) {
    const stat = listed.stats.get(file.path)
    const before = known.get(file.path)
    if (!stat || !before || !sameStat(before, stat)) changed.push(file)
  }
  if (changed.length === 0 || changed.length > MAX_RULES || changed.some((file) => file.kind !== 'rule' || !index.rules.has(file.path))) return undefined
  const manifest = readManifest(resolve(config.out))
  if (!manifest || !outputUpToDate(config.out, state.stamps, undefined, manifest)) return undefined

  const catalogue = bundledCatalogue()
  const context: RuleContext = { catalogue: catalogue.value, dataNeeded: index.dataNeeded, enrichments: index.enrichments, triggerFolders: listed.triggerFolders, convert: convertersFor(config, convertKey, store) }
  const site = siteIndexOfManifest(manifest)
  const changes = new Map<string, string>()
  const pages: string[] = []
  let units = 0
  const texts = new Map<string, string>()
  for (const file of changed) {
    const entry = index.rules.get(file.path)!
    let text: string
    try {
      text = readFileSync(file.path, 'utf8')
    } catch {
      return undefined
    }
    texts.set(file.path, text)
    if (hashOf(text) === known.get(file.path)?.hash) continue
    const unit = ruleUnit(file.path, text, context)
    units++
    if (!unit.rule || unit.loadDiagnostics.length > 0 || unit.convertDiagnostics.length > 0 || unit.factsStamp !== entry.factsStamp) return undefined
    if (!unit.card || 'error' in unit.card || typeof unit.cardText !== 'string' || !Array.isArray(unit.documents) || !Array.isArray(unit.conversions)) return undefined
    changes.set(entry.card, unit.cardText)
    if (!entry.page) continue
    const rule = linkedRule(unit.rule, text, unit.documents, unit.links!, unit.conversions)
    const html = sitePageOf(rule, entry.card.slice('wiki/'.length), unit.cardText, site, manifest, join(config.out, entry.page))
    if (html === undefined) return undefined
    changes.set(entry.page, html)
    pages.push(entry.card.slice('wiki/'.length))
  }
  const replaced = changes.size === 0 ? { stamps: state.stamps } : replaceOutputs(config.out, changes, state.stamps, manifest)
  if (!replaced) return undefined
  return { texts, stamps: replaced.stamps, written: changes.size, pages, units }
}

/** The rule's site page with its new card, when its links need nothing the last build did not check. */
function sitePageOf(rule: LinkedRule, page: string, cardText: string, site: ReturnType<typeof siteIndexOfManifest>, manifest: ReadonlyMap<string, string>, oldPage: string): string | undefined {
  let content
  try {
    content = ruleCardContent(rule, page, cardText, site)
  } catch {
    return undefined
  }
  // A link to an id, or to a page the site lacks, is the link check's to judge: left to a full build.
  if (content.dangling.length > 0 || content.links.some((link) => link.fragment !== '' || (link.target !== '' && !manifest.has(`site/${link.target}`)))) return undefined
  let old
  try {
    old = readFileSync(oldPage, 'utf8')
  } catch {
    return undefined
  }
  return splicedPage(old, content.html)
}
