import { hashOf } from '../cache/hash.js'
import { factsStamp } from './facts-stamp.js'
import type { LinkedRule } from '../model.js'
import type { CatalogueView, CatalogueViewTactic } from './catalogue-view.js'
import type { CoverageIndex, TechniqueEntry } from './coverage-index.js'
import { catalogueText } from './cross-links-key.js'
import type { WikiModel } from './wiki-model.js'

/** Bump when a technique or tactic page reads something its key below does not cover. */
const VERSION = 'cross-link-page-keys-3'

/**
 * What every technique and tactic page may read besides its own rules: the tool, the options, the
 * catalogue, the Data Needed pages (by title) and which techniques have triggers.
 */
export function pageKeyBase(model: WikiModel, catalogue: CatalogueView, options: object, salt: string): string {
  const dataNeeded = model.dataNeeded.map((d) => `${d.stem}\u0001${d.title}`)
  const triggers = model.atomics.map((a) => a.techniqueId)
  return hashOf(VERSION, salt, JSON.stringify(options), catalogueText(catalogue), ...dataNeeded, '\0', ...triggers)
}

/** A technique page: its rules (each by its stamp, in display order), its sub-techniques' rule counts, the triggers. */
export function techniquePageKey(base: string, entry: TechniqueEntry, index: CoverageIndex): string {
  const subs = index.lookup.subTechniques(entry.id).map((s) => `${s.id}:${index.techniques.get(s.id)?.rules.length ?? -1}:${index.triggers.has(s.id)}`)
  return hashOf(base, 'technique', entry.id, String(index.triggers.has(entry.id)), ...subs, '\0', ...groupStamps(entry.direct, entry.viaSubtechniques, entry.viaRevoked, entry.rules))
}

/** A tactic page: its techniques' rule counts and triggers, and the rules tagged with it. */
export function tacticPageKey(base: string, tactic: CatalogueViewTactic, index: CoverageIndex): string {
  const techniques = index.lookup.activeTechniquesOf(tactic.id).map((t) => `${t.id}:${index.techniques.get(t.id)?.rules.length ?? 0}:${index.triggers.has(t.id)}`)
  return hashOf(base, 'tactic', tactic.id, ...techniques, '\0', ...groupStamps(index.tacticRules.get(tactic.id) ?? []))
}

function groupStamps(...groups: readonly (readonly LinkedRule[])[]): string[] {
  return groups.flatMap((rules) => [String(rules.length), ...rules.map(factsStamp)])
}
