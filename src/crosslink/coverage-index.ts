import type { LinkedRule } from '../model.js'
import type { WikiModel } from './wiki-model.js'
import { catalogueLookup, compareIds, isActive, type CatalogueLookup, type CatalogueView, type CatalogueViewTechnique } from './catalogue-view.js'
import { compareRules, ruleFacts } from './rule-facts.js'
import { perRule } from './per-rule.js'
import { wikiPath } from './wiki-paths.js'

/** Which rules cover one technique, and how. */
export interface TechniqueEntry {
  id: string
  /** Undefined when the catalogue does not know the id. */
  technique: CatalogueViewTechnique | undefined
  /** Rules tagged with this id. */
  direct: LinkedRule[]
  /** Rules tagged with one of its sub-techniques but not with the id itself. */
  viaSubtechniques: LinkedRule[]
  /** Rules tagged only with an id that ATT&CK revoked in favour of this one. */
  viaRevoked: LinkedRule[]
  /** All of the above, each once, in display order. */
  rules: LinkedRule[]
}

/** Everything the cross-link pages, layers and site derive from rules × catalogue, computed once. */
export interface CoverageIndex {
  lookup: CatalogueLookup
  /** Every technique that gets a page, by id (sorted). */
  techniques: Map<string, TechniqueEntry>
  /** Rules by the tactic id they are tagged with. */
  tacticRules: Map<string, LinkedRule[]>
  /** Technique ids that have a trigger (Atomic Red Team) page. */
  triggers: Set<string>
  rulesByTrigger: Map<string, LinkedRule[]>
  rulesByDataNeeded: Map<string, LinkedRule[]>
  /** Rules by the title of each Enrichment they ask for. */
  rulesByEnrichment: Map<string, LinkedRule[]>
  /** All rules in display order. */
  rules: LinkedRule[]
  /** The wiki page of a Data Needed named by title (atc-data names the page after the file). */
  dataNeededPage(title: string): string
}

/** Upper-cased technique ids a rule is tagged with, each once, in tag order (read only: kept per rule). */
export const techniqueIdsOf: (rule: LinkedRule) => readonly string[] = perRule((rule) => unique(rule.links.techniques.map((t) => t.id.toUpperCase())))

export const tacticIdsOf: (rule: LinkedRule) => readonly string[] = perRule((rule) => unique(rule.links.tactics.map((t) => t.id)))

// The cross-link pages and the site both index the same model: built once per model and catalogue.
const built = new WeakMap<WikiModel, { catalogue: CatalogueView | CatalogueLookup; index: CoverageIndex }>()

export function buildCoverageIndex(model: WikiModel, catalogue: CatalogueView | CatalogueLookup): CoverageIndex {
  const known = built.get(model)
  if (known?.catalogue === catalogue) return known.index
  const index = indexOf(model, catalogue)
  built.set(model, { catalogue, index })
  return index
}

function indexOf(model: WikiModel, catalogue: CatalogueView | CatalogueLookup): CoverageIndex {
  const lookup = 'technique' in catalogue ? catalogue : catalogueLookup(catalogue)
  const rules = [...model.rules].sort(compareRules)
  const triggers = new Set(model.atomics.map((a) => a.techniqueId.toUpperCase()))
  const ids = new Set<string>()
  for (const t of lookup.view.techniques) if (isActive(t)) ids.add(t.id)
  for (const rule of rules) for (const id of techniqueIdsOf(rule)) ids.add(id)
  for (const id of triggers) ids.add(id)
  for (const id of [...ids]) {
    const parent = lookup.technique(id)?.parent
    if (parent) ids.add(parent)
  }
  const techniques = new Map<string, TechniqueEntry>()
  for (const id of [...ids].sort(compareIds)) {
    techniques.set(id, { id, technique: lookup.technique(id), direct: [], viaSubtechniques: [], viaRevoked: [], rules: [] })
  }
  const tacticRules = new Map<string, LinkedRule[]>()
  const rulesByTrigger = new Map<string, LinkedRule[]>()
  const rulesByDataNeeded = new Map<string, LinkedRule[]>()
  const rulesByEnrichment = new Map<string, LinkedRule[]>()
  for (const rule of rules) {
    const own = techniqueIdsOf(rule)
    for (const id of own) techniques.get(id)!.direct.push(rule)
    const viaSub = new Set<string>()
    const viaRevoked = new Set<string>()
    for (const id of own) {
      const parent = lookup.technique(id)?.parent
      if (parent && !own.includes(parent)) viaSub.add(parent)
      const replacement = lookup.replacement(id)
      if (replacement && !own.includes(replacement.id)) viaRevoked.add(replacement.id)
    }
    for (const id of viaSub) techniques.get(id)?.viaSubtechniques.push(rule)
    for (const id of viaRevoked) if (!viaSub.has(id)) techniques.get(id)?.viaRevoked.push(rule)
    for (const id of tacticIdsOf(rule)) push(tacticRules, id, rule)
    for (const id of unique(rule.links.triggers.map((t) => t.toUpperCase()))) push(rulesByTrigger, id, rule)
    for (const title of unique(rule.links.dataNeeded)) push(rulesByDataNeeded, title, rule)
    for (const title of unique(ruleFacts(rule).enrichments)) push(rulesByEnrichment, title, rule)
  }
  for (const entry of techniques.values()) {
    entry.rules = unique([...entry.direct, ...entry.viaSubtechniques, ...entry.viaRevoked]).sort(compareRules)
  }
  const dnStems = new Map<string, string>()
  for (const dn of model.dataNeeded) if (!dnStems.has(dn.title)) dnStems.set(dn.title, dn.stem)
  const dataNeededPage = (title: string) => wikiPath.dataNeeded(dnStems.get(title) ?? title)
  return { lookup, techniques, tacticRules, triggers, rulesByTrigger, rulesByDataNeeded, rulesByEnrichment, rules, dataNeededPage }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
