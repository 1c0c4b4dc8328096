import type { AttackCatalogue, CatalogueTactic, CatalogueTechnique } from './catalogue.js'

interface CatalogueIndex {
  tacticsByTag: Map<string, CatalogueTactic>
  tacticsById: Map<string, CatalogueTactic>
  techniquesById: Map<string, CatalogueTechnique>
}

const indexes = new WeakMap<AttackCatalogue, CatalogueIndex>()

function indexOf(catalogue: AttackCatalogue): CatalogueIndex {
  let index = indexes.get(catalogue)
  if (index) return index
  index = { tacticsByTag: new Map(), tacticsById: new Map(), techniquesById: new Map() }
  // Current tactics first so a tag both spell resolves to the current one.
  for (const tactic of [...catalogue.tactics, ...catalogue.legacyTactics]) {
    for (const tag of tactic.tags) if (!index.tacticsByTag.has(tag)) index.tacticsByTag.set(tag, tactic)
  }
  for (const tactic of catalogue.tactics) index.tacticsById.set(tactic.id, tactic)
  for (const technique of catalogue.techniques) index.techniquesById.set(technique.id, technique)
  indexes.set(catalogue, index)
  return index
}

/** The tactic a rule tag names (`attack.privilege_escalation`, `attack.privilege-escalation`, legacy tags too). */
export function tacticByTag(catalogue: AttackCatalogue, tag: string): CatalogueTactic | undefined {
  return indexOf(catalogue).tacticsByTag.get(tag)
}

/** A current tactic by id (`TA0004`). */
export function tacticById(catalogue: AttackCatalogue, id: string): CatalogueTactic | undefined {
  return indexOf(catalogue).tacticsById.get(id)
}

/** A technique or sub-technique by id (`T1055`, `T1574.001`), revoked and deprecated ones included. */
export function techniqueById(catalogue: AttackCatalogue, id: string): CatalogueTechnique | undefined {
  return indexOf(catalogue).techniquesById.get(id)
}

/** The technique's sub-techniques, in id order. */
export function subTechniquesOf(catalogue: AttackCatalogue, id: string): CatalogueTechnique[] {
  return catalogue.techniques.filter((t) => t.parent === id)
}
