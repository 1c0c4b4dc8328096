import type { AttackCatalogue } from '../attack/index.js'
import type { Diagnostic } from '../diagnostics.js'
import { linkRule } from '../link/index.js'
import { parseRule, readAtomics, readDataSource, type DataKind } from '../load/index.js'
import type { AtomicsSource, Conversion, DataSource, RuleLinks, RuleSource } from '../model.js'
import { hashOf } from './hash.js'
import type { UnitStore } from './unit-store.js'
import { renderCard, triggerDescription, type CardOutcome } from '../render-wiki.js'
import { renderRuleCard } from '../render/rule-card.js'
import { renderDataNeededCard } from '../render/data-needed-card.js'
import { renderLoggingPolicyCard } from '../render/logging-policy-card.js'
import { renderEnrichmentCard } from '../render/enrichment-card.js'
import { renderTriggerCard } from '../render/trigger-card.js'
import { storedFactsStamp } from '../crosslink/facts-stamp.js'
import { storedFacts, type StoredFacts } from '../crosslink/rule-facts.js'

/** Everything a rule's links, conversions and card depend on besides the rule itself. */
export interface RuleContext {
  catalogue: AttackCatalogue
  dataNeeded: DataSource[]
  enrichments: DataSource[]
  triggerFolders: Set<string>
  convert: (rule: RuleSource, diagnostics: Diagnostic[]) => Conversion[]
}

/** One rule file carried through load, link, convert and its card. `rule` is kept without its text (the caller has it). */
export interface RuleUnit {
  rule?: Omit<RuleSource, 'text'>
  loadDiagnostics: Diagnostic[]
  links?: RuleLinks
  conversions?: Conversion[]
  convertDiagnostics: Diagnostic[]
  card?: CardOutcome
  /** What the cross-link pages read of the rule (see factsStamp), kept so a later build need not read its documents. */
  facts?: StoredFacts
  factsStamp?: string
}

export function ruleUnit(path: string, text: string, context: RuleContext): RuleUnit {
  const loaded = parseRule(path, text)
  if (!loaded.rule) return { loadDiagnostics: loaded.diagnostics, convertDiagnostics: [] }
  const rule = loaded.rule
  const links = linkRule(rule, context, context.catalogue)
  const convertDiagnostics: Diagnostic[] = []
  const conversions = context.convert(rule, convertDiagnostics)
  const card = renderCard(() => renderRuleCard({ rule, links, conversions }))
  const facts = storedFacts({ source: rule, links, conversions })
  const { text: _text, ...kept } = rule
  return { rule: kept, loadDiagnostics: loaded.diagnostics, links, conversions, convertDiagnostics, card, facts, factsStamp: storedFactsStamp(facts, { links, conversions }) }
}

/** A Data Needed, Logging Policy or Enrichment file as loaded (its card needs the whole set, see dataCard). */
export interface DataUnit {
  item?: Omit<DataSource, 'text'>
  diagnostics: Diagnostic[]
}

export function dataUnit(path: string, kind: DataKind, text: string): DataUnit {
  const { item, diagnostics } = readDataSource(path, kind, text)
  if (!item) return { diagnostics }
  const { text: _text, ...kept } = item
  return { item: kept, diagnostics }
}

const DATA_CARDS: Record<DataKind, typeof renderDataNeededCard> = {
  'Data Needed': renderDataNeededCard,
  'Logging Policy': renderLoggingPolicyCard,
  Enrichment: renderEnrichmentCard,
}

export function dataCard(kind: DataKind, source: DataSource, sets: { dataNeeded: DataSource[]; loggingPolicies: DataSource[]; enrichments: DataSource[] }): CardOutcome {
  return renderCard(() => DATA_CARDS[kind]({ source, ...sets }))
}

export interface AtomicsUnit {
  atomics?: Omit<AtomicsSource, 'text'>
  diagnostics: Diagnostic[]
  card?: CardOutcome
}

export function atomicsUnit(path: string, techniqueId: string, text: string, catalogue: AttackCatalogue): AtomicsUnit {
  const { atomics, diagnostics } = readAtomics(path, techniqueId, text)
  if (!atomics) return { diagnostics }
  const card = renderCard(() => renderTriggerCard({ atomics, description: triggerDescription(catalogue, techniqueId) }))
  const { text: _text, ...kept } = atomics
  return { atomics: kept, diagnostics, card }
}

/**
 * Puts a unit (or a card) into the store and returns it as kept. A unit kept on disk carries its card's
 * content hash, so a later process's write step need not hash the card again. Hashing flattens the card's
 * text into one copy (it shares the rule's text and queries until then), so a build without a disk cache
 * leaves that to the write step: 30 MB less at the peak of a cold build of the corpus.
 */
export function keepUnit<T>(store: UnitStore, key: string, value: T): T {
  const kept = store.dir === null ? value : withCardHash(value)
  store.putPacked(key, kept)
  return kept
}

function withCardHash<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if ('text' in value && typeof value.text === 'string' && !('hash' in value)) return { ...value, hash: hashOf(value.text) }
  if ('card' in value && value.card && typeof value.card === 'object') return { ...value, card: withCardHash(value.card) }
  return value
}
