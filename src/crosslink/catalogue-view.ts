/**
 * The part of the ATT&CK catalogue the cross-links and the site read. Structurally a subset of
 * `AttackCatalogue` (src/attack), so the bundled catalogue can be passed as it is.
 */

export interface CatalogueViewTactic {
  /** `TA0002` */
  id: string
  name: string
  /** ATT&CK short name (kill-chain phase), e.g. `command-and-control`. */
  shortname: string
}

export interface CatalogueViewTechnique {
  /** `T1059` or `T1059.001` */
  id: string
  /** A sub-technique's own part only (`PowerShell`). */
  name: string
  /** Tactic short names. */
  tactics: readonly string[]
  parent: string | null
  deprecated: boolean
  revoked: boolean
  revokedBy: string | null
  platforms: readonly string[]
  description: string
}

export interface CatalogueView {
  /** Where the data came from, e.g. `ATT&CK 19.1 …`; the Navigator layers take their ATT&CK version from it. */
  source?: string
  /** Current tactics in matrix order. */
  tactics: readonly CatalogueViewTactic[]
  /** Tactics ATT&CK dropped that revoked or deprecated techniques still name. */
  legacyTactics?: readonly CatalogueViewTactic[]
  /** Every technique, revoked and deprecated ones included. */
  techniques: readonly CatalogueViewTechnique[]
}

/** Lookups over a CatalogueView, built once per build. */
export interface CatalogueLookup {
  view: CatalogueView
  technique(id: string): CatalogueViewTechnique | undefined
  /** Current tactic by id. */
  tactic(id: string): CatalogueViewTactic | undefined
  /** Current tactic for a short name; a legacy short name gives the current tactic with the same id. */
  tacticByShortname(shortname: string): CatalogueViewTactic | undefined
  /** Sub-techniques of a technique, in id order. */
  subTechniques(id: string): CatalogueViewTechnique[]
  /** Current (neither revoked nor deprecated) techniques of a tactic, parents and sub-techniques, in id order. */
  activeTechniquesOf(tacticId: string): CatalogueViewTechnique[]
  /** `Parent: Sub` for a sub-technique, its name otherwise. */
  fullName(id: string): string | undefined
  /** Follows `revokedBy` to the technique that replaces a revoked one (undefined when none or a cycle). */
  replacement(id: string): CatalogueViewTechnique | undefined
  /** The ATT&CK major version (`19`), when `source` names one. */
  attackVersion: string | undefined
}

export function isActive(t: CatalogueViewTechnique): boolean {
  return !t.revoked && !t.deprecated
}

export function catalogueLookup(view: CatalogueView): CatalogueLookup {
  const byId = new Map(view.techniques.map((t) => [t.id, t]))
  const tacticsById = new Map(view.tactics.map((t) => [t.id, t]))
  const byShortname = new Map<string, CatalogueViewTactic>()
  for (const t of view.tactics) byShortname.set(t.shortname, t)
  for (const legacy of view.legacyTactics ?? []) {
    if (!byShortname.has(legacy.shortname)) byShortname.set(legacy.shortname, tacticsById.get(legacy.id) ?? legacy)
  }
  const subs = new Map<string, CatalogueViewTechnique[]>()
  const active = new Map<string, CatalogueViewTechnique[]>()
  const sorted = [...view.techniques].sort((a, b) => compareIds(a.id, b.id))
  for (const t of sorted) {
    if (t.parent) push(subs, t.parent, t)
    if (!isActive(t)) continue
    for (const shortname of t.tactics) {
      const tactic = byShortname.get(shortname)
      if (tactic) push(active, tactic.id, t)
    }
  }
  const fullName = (id: string): string | undefined => {
    const t = byId.get(id)
    if (!t) return undefined
    const parent = t.parent ? byId.get(t.parent) : undefined
    return parent ? `${parent.name}: ${t.name}` : t.name
  }
  const replacement = (id: string): CatalogueViewTechnique | undefined => {
    const seen = new Set<string>()
    let current = byId.get(id)
    while (current?.revoked && current.revokedBy && !seen.has(current.id)) {
      seen.add(current.id)
      current = byId.get(current.revokedBy)
    }
    return current && current.id !== id && !current.revoked ? current : undefined
  }
  return {
    view,
    technique: (id) => byId.get(id),
    tactic: (id) => tacticsById.get(id),
    tacticByShortname: (s) => byShortname.get(s),
    subTechniques: (id) => subs.get(id) ?? [],
    activeTechniquesOf: (id) => active.get(id) ?? [],
    fullName,
    replacement,
    attackVersion: /(\d+)(?:\.\d+)?/.exec(view.source ?? '')?.[1],
  }
}

/** ATT&CK order: T1001 < T1001.001 < T1002 (plain string order does this for well-formed ids). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
