import type { AttackCatalogue } from '../attack/index.js'
import type { Diagnostic } from '../diagnostics.js'
import { linkRule } from '../link/index.js'
import { parseRule, readAtomics, readDataSource, type DataKind } from '../load/index.js'
import type { AtomicsSource, Conversion, DataSource, RuleLinks, RuleSource } from '../model.js'
import { hashOf } from './hash.js'
import { LazyPart, partValue } from './lazy-part.js'
import type { UnitStore } from './unit-store.js'
import { renderCard, triggerDescription, type CardOutcome } from '../render-wiki.js'
import { DeferredText } from '../write/deferred-text.js'
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

/**
 * One rule file carried through load, link, convert and its card. `rule` is kept without its text (the
 * caller has it). `documents`, `conversions` and `cardText` (the card's Markdown, when it could be rendered)
 * are LazyParts once kept: read only by a card or a page made again.
 */
export interface RuleUnit {
  rule?: Pick<RuleSource, 'path' | 'stem'>
  loadDiagnostics: Diagnostic[]
  links?: RuleLinks
  convertDiagnostics: Diagnostic[]
  /** Why the card could not be rendered; else its content hash, once the unit is kept on disk. */
  card?: { error: string } | { hash?: string }
  /** What the cross-link pages read of the rule (see factsStamp), kept so a later build need not read its documents. */
  facts?: StoredFacts
  factsStamp?: string
  documents?: RuleSource['documents'] | LazyPart<RuleSource['documents']>
  conversions?: Conversion[] | LazyPart<Conversion[]>
  cardText?: string | LazyPart<string>
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
  return {
    rule: { path: rule.path, stem: rule.stem },
    loadDiagnostics: loaded.diagnostics,
    links,
    convertDiagnostics,
    card: 'error' in card ? card : {},
    facts,
    factsStamp: storedFactsStamp(facts, { links, conversions }),
    documents: rule.documents,
    conversions,
    cardText: 'text' in card ? card.text : undefined,
  }
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

/** A trigger file as loaded, with its card. `doc` and `cardText` are LazyParts once kept (see RuleUnit). */
export interface AtomicsUnit {
  atomics?: Pick<AtomicsSource, 'path' | 'techniqueId'>
  diagnostics: Diagnostic[]
  /** Why the card could not be rendered; else its content hash, once the unit is kept on disk. */
  card?: { error: string } | { hash?: string }
  doc?: AtomicsSource['doc'] | LazyPart<AtomicsSource['doc']>
  cardText?: string | LazyPart<string>
}

export function atomicsUnit(path: string, techniqueId: string, text: string, catalogue: AttackCatalogue): AtomicsUnit {
  const { atomics, events, diagnostics } = readAtomics(path, techniqueId, text)
  if (!atomics) return { diagnostics }
  const card = renderCard(() => renderTriggerCard({ atomics, events, description: triggerDescription(catalogue, techniqueId) }))
  return { atomics: { path: atomics.path, techniqueId: atomics.techniqueId }, diagnostics, card: 'error' in card ? card : {}, doc: atomics.doc, cardText: 'text' in card ? card.text : undefined }
}

/** A rule's or trigger's card as the wiki takes it: deferred while its text is still on disk and its hash is known. */
export function unitCardOutcome(unit: Pick<RuleUnit | AtomicsUnit, 'card' | 'cardText'>): CardOutcome | undefined {
  const { card, cardText } = unit
  if (!card || cardText === undefined) return undefined
  if ('error' in card) return { error: card.error }
  if (cardText instanceof LazyPart && !cardText.isLoaded && card.hash !== undefined) return { deferred: new DeferredText(card.hash, () => cardText.get()) }
  return { text: partValue(cardText), hash: card.hash }
}

/**
 * Puts a unit (or a card) into the store and returns it as kept. A unit kept on disk carries its card's
 * content hash, so a later process's write step need not hash the card again (nor read it, for a rule:
 * see unitCardOutcome). Hashing flattens the card's text into one copy (it shares the rule's text and
 * queries until then), so a build without a disk cache leaves that to the write step: 30 MB less at the
 * peak of a cold build of the corpus. A rule's documents, conversions and card are kept apart in the pack.
 */
export function keepUnit<T>(store: UnitStore, key: string, value: T): T {
  const kept = withLazyBody(store.dir === null ? value : withCardHash(value))
  store.putPacked(key, kept)
  return kept
}

function withCardHash<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if ('text' in value && typeof value.text === 'string' && !('hash' in value)) return { ...value, hash: hashOf(value.text) }
  const text = isRuleUnit(value) || isAtomicsUnit(value) ? value.cardText && partValue(value.cardText) : undefined
  if (text === undefined || !('card' in value) || !value.card || typeof value.card !== 'object' || 'error' in value.card || ('hash' in value.card && value.card.hash !== undefined)) return value
  return { ...value, card: { hash: hashOf(text) } }
}

/** A unit computed here or posted by a worker has its parts as plain values: the pack stores LazyParts apart. */
function withLazyBody<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  const cardText = (unit: RuleUnit | AtomicsUnit) => (unit.cardText === undefined ? undefined : LazyPart.of(partValue(unit.cardText), 'text'))
  if (isRuleUnit(value) && value.conversions !== undefined && !(value.conversions instanceof LazyPart)) {
    return { ...value, documents: LazyPart.of(partValue(value.documents!)), conversions: LazyPart.of(value.conversions, 'json'), cardText: cardText(value) }
  }
  if (isAtomicsUnit(value) && value.doc !== undefined && !(value.doc instanceof LazyPart)) {
    return { ...value, doc: LazyPart.of(value.doc), cardText: cardText(value) }
  }
  return value
}

function isRuleUnit(value: object): value is RuleUnit {
  return 'convertDiagnostics' in value
}

function isAtomicsUnit(value: object): value is AtomicsUnit {
  return 'atomics' in value && 'diagnostics' in value
}
