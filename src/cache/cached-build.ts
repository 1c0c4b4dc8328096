import type { AttackCatalogue } from '../attack/index.js'
import { assemble, type Assembly, type BuildResult } from '../build.js'
import type { BuildConfig } from '../config.js'
import type { Diagnostic } from '../diagnostics.js'
import { readAtomics, readDataSource, readRule, type DataKind } from '../load/index.js'
import { type AtomicsSource, type DataSource, type LinkedRule, type RuleSource } from '../model.js'
import { createProgress, type Progress } from '../progress.js'
import type { CardOutcome } from '../render-wiki.js'
import { converterFingerprint } from './converter-fingerprint.js'
import { hashOf } from './hash.js'
import { bundledCatalogue } from './bundled-catalogue.js'
import { convertersFor, keepConverterConfigs } from './converters-for.js'
import type { InputFile } from './list-inputs.js'
import { entriesOf, readInputs, type Entry, type InputText, type ReadInputs } from './read-inputs.js'
import { recordRuleStamp } from './rule-stamp.js'
import { recordSourceStamp } from './source-stamp.js'
import { recordFactsStamp } from '../crosslink/facts-stamp.js'
import { recordRuleFacts } from '../crosslink/rule-facts.js'
import { toolFingerprint } from './tool-fingerprint.js'
import { UnitStore } from './unit-store.js'
import { atomicsUnit, dataCard, dataUnit, keepUnit, ruleUnit, unitCardOutcome, type AtomicsUnit, type DataUnit, type RuleContext, type RuleUnit } from './work-units.js'
import { partValue } from './lazy-part.js'

export interface CachedBuildOptions {
  /** Where finished work is kept; a memory-only store (`new UnitStore(null)`) caches within the process. */
  store: UnitStore
  /** Overrides the tool's own fingerprint (version, code, templates, bundled data); for tests. */
  tool?: string
  /** Overrides the bundled ATT&CK catalogue and its fingerprint; for tests. */
  catalogue?: { value: AttackCatalogue; fingerprint: string }
  /** The input files, already listed and read (by prefillUnits). */
  read?: ReadInputs
  /** Units read or computed just before this build (by prefillUnits), by key. */
  units?: ReadonlyMap<string, unknown>
  /** Keys of units computed just before this build (by prefillUnits): counted as computed, not reused. */
  fresh?: ReadonlySet<string>
}

export interface CacheStats {
  units: number
  reused: number
}

/**
 * The same result as `build(config)`, with every per-file step (load, link, convert, card) taken from
 * `store` when nothing it depends on changed. Keys are content hashes: a rule's key covers its path and
 * text, the tool, the catalogue, every Data Needed and Enrichment, the trigger folders and the
 * converter configs; an atc-data card's covers the whole atc-data set; a trigger card's the catalogue.
 */
export function buildCached(config: BuildConfig, options: CachedBuildOptions, progress: Progress = createProgress({ quiet: true })): BuildResult & { cache: CacheStats } {
  const { assembly, cache } = prepareCached(config, options, progress)
  return { ...assemble(assembly, progress), cache }
}

/** The per-file steps of buildCached, ready for `assemble` (the site's pages may be prerendered in between). */
export function prepareCached(config: BuildConfig, options: CachedBuildOptions, progress: Progress = createProgress({ quiet: true })): { assembly: Assembly; cache: CacheStats } {
  const { store } = options
  const tool = options.tool ?? toolFingerprint()
  const catalogue = options.catalogue ?? bundledCatalogue()
  const stats: CacheStats = { units: 0, reused: 0 }
  const cached = <T>(key: string, compute: () => T): T => {
    stats.units++
    const hit = (options.units?.get(key) as T | undefined) ?? store.get<T>(key)
    if (hit !== undefined) {
      if (!options.fresh?.has(key)) stats.reused++
      return hit
    }
    return keepUnit(store, key, compute())
  }

  const read = options.read ?? progress.task('read inputs', () => readInputs(config))
  const { triggerFolders } = read
  const byKind = (kind: InputFile['kind']) => entriesOf(read, kind)

  const data = progress.task('load atc-data', () => loadData(byKind, tool, cached))
  const atomics = progress.task('triggers', () => loadTriggers(byKind('atomics'), tool, catalogue, cached))

  const linkKey = linkKeyOf(tool, catalogue.fingerprint, data.sets, triggerFolders)
  const convertKey = converterFingerprint(config)
  let context: RuleContext | undefined
  const contextNow = (): RuleContext =>
    (context ??= { catalogue: catalogue.value, dataNeeded: data.sets.dataNeeded, enrichments: data.sets.enrichments, triggerFolders, convert: convertersFor(config, convertKey, store) })

  const rules: LinkedRule[] = []
  const ruleDiagnostics: Diagnostic[] = []
  const convertDiagnostics: Diagnostic[] = []
  const cards = new Map<object, CardOutcome>()
  progress.task('rules', () => {
    for (const { file, input } of byKind('rule')) {
      if (input === undefined) {
        ruleDiagnostics.push(...readRule(file.path).diagnostics)
        continue
      }
      const key = ruleKey(tool, file.path, input.hash, linkKey, convertKey)
      const unit = cached<RuleUnit>(key, () => ruleUnit(file.path, input.text(), contextNow()))
      ruleDiagnostics.push(...unit.loadDiagnostics)
      if (!unit.rule) continue
      // A rule object a build before this one made has its stamps and facts recorded already.
      const known = rulesOfUnits.has(unit)
      const rule = linkedRuleOf(unit, input)
      const source = rule.source
      if (!known) {
        recordRuleStamp(rule, key)
        if (unit.facts) recordRuleFacts(rule, unit.facts)
        if (unit.factsStamp) recordFactsStamp(rule, unit.factsStamp)
      }
      rules.push(rule)
      convertDiagnostics.push(...unit.convertDiagnostics)
      const card = unitCardOutcome(unit)
      if (card) cards.set(source, card)
    }
  })
  if (!context) keepConverterConfigs(convertKey, store)
  for (const [source, card] of [...data.cards, ...atomics.cards]) cards.set(source, card)

  const inputs = { rules: rules.map((r) => r.source), ...data.sets, atomics: atomics.items, triggerFolders }
  const diagnostics = [...ruleDiagnostics, ...data.diagnostics, ...atomics.diagnostics, ...convertDiagnostics]
  return { assembly: { config, catalogue: catalogue.value, inputs, rules, diagnostics, cards, pageCache: { cache: store, salt: tool } }, cache: stats }
}

/**
 * The rule as the build sees it, its documents and conversions read from the unit's body only when
 * something asks for them (a card or site page made again, not a kept one).
 */
function linkedRuleOf(unit: RuleUnit, input: InputText): LinkedRule {
  // The same unit (same key: same path, text and context) gives the same object in a process that builds
  // again, so what later steps keep per rule object (facts, stamps, technique ids) is not made again.
  const known = rulesOfUnits.get(unit)
  if (known) return known
  const source = { ...unit.rule! } as RuleSource
  // Read only when a card or page of the rule is made again (see readInputs).
  lazyField(source, 'text', () => input.text())
  lazyField(source, 'documents', () => partValue(unit.documents!))
  const rule = { source, links: unit.links! } as LinkedRule
  lazyField(rule, 'conversions', () => partValue(unit.conversions!))
  rulesOfUnits.set(unit, rule)
  return rule
}

const rulesOfUnits = new WeakMap<RuleUnit, LinkedRule>()

/** An enumerable property read on first use, as a plain one once read or set. */
function lazyField<T extends object, K extends keyof T>(target: T, name: K, read: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true })
  Object.defineProperty(target, name, {
    get: () => {
      const value = read()
      settle(value)
      return value
    },
    set: settle,
    enumerable: true,
    configurable: true,
  })
}

export type Cached = <T>(key: string, compute: () => T) => T
/** What linking reads besides the rule: the catalogue, every Data Needed and Enrichment, the trigger folders. */
export function linkKeyOf(tool: string, catalogue: string, sets: { dataNeeded: DataSource[]; enrichments: DataSource[] }, triggerFolders: Set<string>): string {
  return hashOf(tool, catalogue, ...sourceParts(sets.dataNeeded), ...sourceParts(sets.enrichments), ...[...triggerFolders].sort())
}

/** A rule's unit key: its path and text (by hash), the tool, and what linking and converting read. */
export function ruleKey(tool: string, path: string, textHash: string, linkKey: string, convertKey: string): string {
  return memoKey(path, `rule-2\0${tool}\0${textHash}\0${linkKey}\0${convertKey}`, () => hashOf(tool, 'rule-2', path, textHash, linkKey, convertKey))
}

export function atomicsKey(tool: string, catalogue: string, path: string, techniqueId: string, textHash: string): string {
  return memoKey(path, `atomics-2\0${tool}\0${catalogue}\0${techniqueId}\0${textHash}`, () => hashOf(tool, 'atomics-2', catalogue, path, techniqueId, textHash))
}

// Keys of the last build per file, by what they were made of: a watching process does not hash them again.
const lastKeys = new Map<string, { of: string; key: string }>()

function memoKey(path: string, of: string, compute: () => string): string {
  const last = lastKeys.get(path)
  if (last?.of === of) return last.key
  const key = compute()
  lastKeys.set(path, { of, key })
  return key
}

const DATA_KINDS: [DataKind, 'dataNeeded' | 'loggingPolicies' | 'enrichments'][] = [
  ['Data Needed', 'dataNeeded'],
  ['Logging Policy', 'loggingPolicies'],
  ['Enrichment', 'enrichments'],
]

export function loadData(byKind: (kind: DataKind) => Entry[], tool: string, cached: Cached) {
  const sets = { dataNeeded: [] as DataSource[], loggingPolicies: [] as DataSource[], enrichments: [] as DataSource[] }
  const diagnostics: Diagnostic[] = []
  const kinds = new Map<DataSource, DataKind>()
  for (const [kind, set] of DATA_KINDS) {
    for (const { file, input } of byKind(kind)) {
      const text = input?.text()
      const unit = text === undefined ? readDataSource(file.path, kind) : cached<DataUnit>(hashOf(tool, 'data', kind, file.path, text), () => dataUnit(file.path, kind, text))
      diagnostics.push(...unit.diagnostics)
      if (!unit.item) continue
      const source = sourceOf(unit.item, text!)
      sets[set].push(source)
      kinds.set(source, kind)
    }
  }
  // atc-data cards may refer to each other, so each card's key covers the whole set.
  const setKey = hashOf(tool, ...DATA_KINDS.flatMap(([, set]) => sourceParts(sets[set])))
  const cards = new Map<object, CardOutcome>()
  for (const [source, kind] of kinds) cards.set(source, cached(hashOf(setKey, 'card', kind, source.path), () => dataCard(kind, source, sets)))
  return { sets, diagnostics, cards }
}

/**
 * One source object per loaded unit and text: a build loads the atc-data twice (to fill the cache, then to
 * assemble), and what is read from a source (its card's fields, see readDataNeeded) is kept by object.
 */
function sourceOf(item: NonNullable<DataUnit['item']>, text: string): DataSource {
  const known = sources.get(item)
  if (known?.text === text) return known
  const source: DataSource = { ...item, text }
  sources.set(item, source)
  return source
}

const sources = new WeakMap<NonNullable<DataUnit['item']>, DataSource>()

function loadTriggers(entries: Entry[], tool: string, catalogue: { value: AttackCatalogue; fingerprint: string }, cached: Cached) {
  const items: AtomicsSource[] = []
  const diagnostics: Diagnostic[] = []
  const cards = new Map<object, CardOutcome>()
  for (const { file, input } of entries) {
    const id = file.techniqueId!
    const key = input === undefined ? undefined : atomicsKey(tool, catalogue.fingerprint, file.path, id, input.hash)
    if (key === undefined || input === undefined) {
      const read = readAtomics(file.path, id)
      diagnostics.push(...read.diagnostics)
      if (read.atomics) items.push(read.atomics)
      continue
    }
    const unit = cached<AtomicsUnit>(key, () => atomicsUnit(file.path, id, input.text(), catalogue.value))
    diagnostics.push(...unit.diagnostics)
    if (!unit.atomics) continue
    const source = { ...unit.atomics } as AtomicsSource
    lazyField(source, 'text', () => input.text())
    lazyField(source, 'doc', () => partValue(unit.doc!))
    recordSourceStamp(source, key)
    items.push(source)
    const card = unitCardOutcome(unit)
    if (card) cards.set(source, card)
  }
  return { items, diagnostics, cards }
}

function sourceParts(sources: readonly { path: string; text: string }[]): string[] {
  return sources.flatMap((s) => [s.path, s.text])
}
