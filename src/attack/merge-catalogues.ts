import { compareTechniqueIds, type AttackCatalogue, type CatalogueTactic } from './catalogue.js'

/**
 * Keeps what rules may still name after an ATT&CK update: techniques the new release dropped
 * stay (as they were), and tactics whose tags the new release no longer has become legacy tactics.
 */
export function mergeCatalogues(next: AttackCatalogue, previous: AttackCatalogue): AttackCatalogue {
  const ids = new Set(next.techniques.map((t) => t.id))
  const kept = previous.techniques.filter((t) => !ids.has(t.id))
  const tags = new Set(next.tactics.flatMap((t) => t.tags))
  const legacy: CatalogueTactic[] = [...next.legacyTactics]
  for (const tactic of [...previous.tactics, ...previous.legacyTactics]) {
    const lost = tactic.tags.filter((tag) => !tags.has(tag))
    if (lost.length === 0 || legacy.some((l) => l.tags.some((tag) => lost.includes(tag)))) continue
    legacy.push({ ...tactic, tags: lost })
    for (const tag of lost) tags.add(tag)
  }
  return {
    source: next.source,
    tactics: next.tactics,
    legacyTactics: legacy,
    techniques: [...next.techniques, ...kept].sort((a, b) => compareTechniqueIds(a.id, b.id)),
  }
}
