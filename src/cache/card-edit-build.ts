import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BuildConfig } from '../config.js'
import type { LinkedRule } from '../model.js'
import { ruleCardContent } from '../site/rule-card-content.js'
import { readManifest } from '../write/output-stage.js'
import { replaceOutputs } from '../write/replace-outputs.js'
import { outputUpToDate, type OutputStamps, type OutputTrust } from '../write/index.js'
import { cardIndexFile, racyHashes, type BuildState } from './build-state.js'
import type { IncrementalResult } from './incremental-build.js'
import { bundledCatalogue } from './bundled-catalogue.js'
import { convertersFor } from './converters-for.js'
import { cardContextKey, linkedRule, readCardEditIndex, siteIndexOfManifest, splicedPage, type CardEditIndex } from './card-edit.js'
import type { InputFile, ListedInputs } from './list-inputs.js'
import { hashOf } from './hash.js'
import { fileStat, sameStat, type KnownInputs } from './read-inputs.js'
import { UnitStore } from './unit-store.js'
import { ruleUnit, type RuleContext } from './work-units.js'

// More edited rules than this at once are left to a full build, which shares its work between them.
const MAX_RULES = 8

interface CardEditOptions extends CardOnlyInput {
  tool: string
  /** The converter configs' fingerprint (see converterFingerprint). */
  convertKey: string
  listed: ListedInputs
  state: BuildState
  store: UnitStore
}

/** What a card-only build starts from besides the build state: kept in memory by a watching process. */
export interface CardOnlyInput {
  /** What the last full build recorded (see cardEditIndex). */
  index: CardEditIndex
  /** What the last build knew of each input (see readInputs). */
  known: KnownInputs
  /** The output manifest as the caller knows it (else read), and the outputs it knows unchanged. */
  manifest?: ReadonlyMap<string, string>
  trust?: OutputTrust
}

type CardEditEntry = NonNullable<ReturnType<CardEditIndex['rules']['get']>>

interface CardEdit {
  /** The content hash of each edited rule, as read. */
  hashes: Map<string, string>
  stamps: OutputStamps
  manifest: ReadonlyMap<string, string>
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
function editCards(config: BuildConfig, options: CardEditOptions): CardEdit | undefined {
  const { tool, convertKey, listed, state, known, store, index } = options
  if (!listed.stats || state.key === '' || index.context !== cardContextKey(config, tool, convertKey, listed)) return undefined
  const changed: InputFile[] = []
  for (const file of listed.files) {
    const stat = listed.stats.get(file.path)
    const before = known.get(file.path)
    if (!stat || !before || !sameStat(before, stat)) changed.push(file)
  }
  if (changed.length === 0 || changed.length > MAX_RULES || changed.some((file) => file.kind !== 'rule' || !index.rules.has(file.path))) return undefined
  // The edited rules first: an edit that needs a full build (a new title, a tag) is told from its unit alone,
  // before the outputs are stat'ed, which the full build does again.
  const catalogue = bundledCatalogue()
  const context: RuleContext = { catalogue: catalogue.value, dataNeeded: index.dataNeeded, enrichments: index.enrichments, triggerFolders: listed.triggerFolders, convert: convertersFor(config, convertKey, store) }
  const hashes = new Map<string, string>()
  const made: { entry: CardEditEntry; cardText: string; rule: () => LinkedRule }[] = []
  for (const file of changed) {
    const entry = index.rules.get(file.path)!
    let text: string
    try {
      text = readFileSync(file.path, 'utf8')
    } catch {
      return undefined
    }
    const hash = hashOf(text)
    hashes.set(file.path, hash)
    if (hash === known.get(file.path)?.hash) continue
    const unit = ruleUnit(file.path, text, context)
    if (!unit.rule || unit.loadDiagnostics.length > 0 || unit.convertDiagnostics.length > 0 || unit.factsStamp !== entry.factsStamp) return undefined
    if (!unit.card || 'error' in unit.card || typeof unit.cardText !== 'string' || !Array.isArray(unit.documents) || !Array.isArray(unit.conversions)) return undefined
    const { rule, documents, links, conversions } = unit
    made.push({ entry, cardText: unit.cardText, rule: () => linkedRule(rule, text, documents, links!, conversions) })
  }
  const manifest = options.manifest ?? readManifest(resolve(config.out))
  if (!manifest || !outputUpToDate(config.out, state.stamps, options.trust, manifest)) return undefined

  const site = siteIndexOfManifest(manifest)
  const changes = new Map<string, string>()
  const pages: string[] = []
  for (const { entry, cardText, rule } of made) {
    changes.set(entry.card, cardText)
    if (!entry.page) continue
    const html = sitePageOf(rule(), entry.card.slice('wiki/'.length), cardText, site, manifest, join(config.out, entry.page))
    if (html === undefined) return undefined
    changes.set(entry.page, html)
    pages.push(entry.card.slice('wiki/'.length))
  }
  const replaced = changes.size === 0 ? { stamps: state.stamps, manifest } : replaceOutputs(config.out, changes, state.stamps, manifest)
  if (!replaced) return undefined
  return { hashes, stamps: replaced.stamps, manifest: replaced.manifest, written: changes.size, pages, units: made.length }
}

/** What a card-only build leaves: its result, and the state, inputs and manifest the next build starts from. */
export interface CardOnlyOutcome {
  result: Omit<IncrementalResult, 'exitCode' | 'ms'>
  state: BuildState
  known: KnownInputs
  manifest: ReadonlyMap<string, string>
  /** Wiki pages whose site page was replaced (the page memo must forget them). */
  pages: string[]
}

/** The index the last build into `out` saved, with what it knew of the inputs (as saved); undefined when either is missing. */
export function savedCardOnlyInput(cacheDir: string, out: string, savedKnown: () => KnownInputs | undefined): CardOnlyInput | undefined {
  const index = readCardEditIndex(cardIndexFile(cacheDir, out))
  const known = index && savedKnown()
  return index && known ? { index, known } : undefined
}

/**
 * `analytics-wiki build` after edits only the edited rules' own cards and site pages show (see editCards):
 * writes those files; undefined when the edits need a build as usual.
 */
export function cardOnlyBuild(config: BuildConfig, cacheDir: string, keys: { tool: string; convertKey: string }, listed: ListedInputs, quick: { key: string; racy: string[] }, state: BuildState, input: CardOnlyInput): CardOnlyOutcome | undefined {
  // Only the converters' parsed configurations are read from the cache, each kept in a file of its own.
  const store = new UnitStore(resolve(cacheDir), { retain: false, packs: false })
  const edit = editCards(config, { ...input, ...keys, listed, state, store })
  if (!edit) return undefined
  // Racy inputs other than the edited rules (rare) are read to be known by content.
  const racy = racyHashes(quick.racy, (path) => {
    try {
      return edit.hashes.get(path) ?? hashOf(readFileSync(path, 'utf8'))
    } catch {
      return undefined
    }
  })
  const known: KnownInputs = new Map(input.known)
  for (const [path, hash] of edit.hashes) known.set(path, { ...fileStat(listed.stats!.get(path)!), hash })
  for (const path of quick.racy) known.delete(path)
  return {
    result: {
      upToDate: false,
      cardOnly: true,
      diagnostics: state.diagnostics,
      fileCount: state.fileCount,
      write: { written: edit.written, removed: 0, unchanged: state.fileCount - edit.written, stamps: edit.stamps },
      cache: { units: edit.units, reused: 0 },
    },
    state: { key: racy ? quick.key : '', racy, diagnostics: state.diagnostics, fileCount: state.fileCount, stamps: edit.stamps },
    known,
    manifest: edit.manifest,
    pages: edit.pages,
  }
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
