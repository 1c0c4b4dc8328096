import { displayPath } from '../load/display-path.js'
import type { LinkedRule, YamlMap } from '../model.js'

/** The plain-text facts about a rule that the cross-links, exports and site show. */
export interface RuleFacts {
  stem: string
  path: string
  id: string
  title: string
  description: string
  level: string
  status: string
  author: string
  /** `product/category/service` parts that are present, e.g. `windows/process_creation`. */
  logsource: string
  product: string
  /** Enrichment titles the rule asks for (its `enrichment` key). */
  enrichments: string[]
  /** Product and category of the first document with a logsource, lower case: the rule index's columns. */
  logsourceColumns: [string, string]
  /** Whether each backend converted the rule, and why not: what the status pages and exports show. */
  outcomes: ConversionOutcome[]
}

export interface ConversionOutcome {
  backend: string
  ok: boolean
  /** Why not, when `ok` is false (the backend's reason, or its one-line comment). */
  reason?: string
}

/** The facts that do not depend on where the build runs (all but `path`): what a cached unit keeps. */
export type StoredFacts = Omit<RuleFacts, 'path'>

const cache = new WeakMap<LinkedRule, RuleFacts>()

/** Takes a rule's facts as a cached unit kept them, so they are not read from its documents again. */
export function recordRuleFacts(rule: LinkedRule, stored: StoredFacts): void {
  cache.set(rule, { ...stored, path: displayPath(rule.source.path) })
}

/** The facts without `path`, for a cached unit to keep. */
export function storedFacts(rule: LinkedRule): StoredFacts {
  const { path: _path, ...stored } = ruleFacts(rule)
  return stored
}

/** Reads the facts from the rule's first document (the logsource may come from a later one); never throws. */
export function ruleFacts(rule: LinkedRule): RuleFacts {
  let facts = cache.get(rule)
  if (facts) return facts
  const docs = rule.source.documents.filter(isMap)
  const first = docs[0] ?? {}
  const logsourceDoc = docs.find((d) => isMap(d.logsource))
  const logsource = (logsourceDoc?.logsource ?? {}) as YamlMap
  const product = text(logsource.product)
  facts = {
    stem: rule.source.stem,
    path: displayPath(rule.source.path),
    id: text(first.id),
    title: text(first.title).trim() || rule.source.stem,
    description: text(first.description).trim(),
    level: text(first.level).trim().toLowerCase(),
    status: text(first.status).trim().toLowerCase(),
    author: text(first.author),
    logsource: [product, text(logsource.category), text(logsource.service)].filter(Boolean).join('/'),
    product: product.trim().toLowerCase(),
    enrichments: list(first.enrichment),
    logsourceColumns: logsourceColumns(rule.source.documents),
    outcomes: rule.conversions.map((c) => (c.ok ? { backend: c.backend, ok: true } : { backend: c.backend, ok: false, reason: c.reason ?? c.text })),
  }
  cache.set(rule, facts)
  return facts
}

function logsourceColumns(documents: readonly Record<string, unknown>[]): [string, string] {
  const doc = documents.find((d) => d && typeof d.logsource === 'object' && d.logsource !== null)
  const ls = (doc?.logsource ?? {}) as Record<string, unknown>
  return [text(ls.product).toLowerCase(), text(ls.category).toLowerCase()]
}

/** A YAML scalar as text: strings as they are, numbers and booleans printed, anything else empty. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return ''
}

/** A YAML value that should be a list of strings: a single scalar counts as a list of one. */
export function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return items.map(text).filter((s) => s !== '')
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Rules ordered by file stem, as ATC's exports list them (sorted once per list: read only). */
export function sortedByStem(rules: readonly LinkedRule[]): readonly LinkedRule[] {
  let sorted = byStem.get(rules)
  if (!sorted) byStem.set(rules, (sorted = [...rules].sort((a, b) => (a.source.stem < b.source.stem ? -1 : a.source.stem > b.source.stem ? 1 : 0))))
  return sorted
}

// Each export sorted the model's rules again.
const byStem = new WeakMap<readonly LinkedRule[], readonly LinkedRule[]>()

/** Rules ordered for display: by title (case-insensitive), then file stem. */
export function compareRules(a: LinkedRule, b: LinkedRule): number {
  const ta = lowerTitle(a)
  const tb = lowerTitle(b)
  if (ta !== tb) return ta < tb ? -1 : 1
  const sa = a.source.stem
  const sb = b.source.stem
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

// Sorting the corpus's rules lower-cased each title 70,000 times.
const lowerTitles = new WeakMap<LinkedRule, string>()

function lowerTitle(rule: LinkedRule): string {
  let title = lowerTitles.get(rule)
  if (title === undefined) lowerTitles.set(rule, (title = ruleFacts(rule).title.toLowerCase()))
  return title
}
