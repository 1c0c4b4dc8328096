import { resolveTags, techniqueById, type AttackCatalogue } from '../attack/index.js'
import type { RuleSource } from '../model.js'

/** A technique a set of rules covers, with the tactics ATT&CK files it under. */
export interface CoveredTechnique {
  id: string
  /** `Parent: Sub-technique` for sub-techniques; null when the catalogue does not list the id. */
  name: string | null
  /** Tactic ids (current ones; a legacy tactic maps to the current tactic with its id). */
  tactics: string[]
}

/** Techniques tagged by any rule (`attack.tNNNN[.NNN]`), keyed by id. */
export function coverageOf(rules: readonly RuleSource[], catalogue: AttackCatalogue): Map<string, CoveredTechnique> {
  const out = new Map<string, CoveredTechnique>()
  for (const rule of rules) {
    const tags = rule.documents[0]?.tags
    for (const { id } of resolveTags(Array.isArray(tags) ? tags : [], catalogue).techniques) {
      if (!out.has(id)) out.set(id, describeTechnique(id, catalogue))
    }
  }
  return out
}

function describeTechnique(id: string, catalogue: AttackCatalogue): CoveredTechnique {
  const technique = techniqueById(catalogue, id)
  if (!technique) return { id, name: null, tactics: [] }
  const parent = technique.parent ? techniqueById(catalogue, technique.parent) : undefined
  const all = [...catalogue.tactics, ...catalogue.legacyTactics]
  const tactics = [...new Set(technique.tactics.flatMap((s) => all.find((t) => t.shortname === s)?.id ?? []))]
  return { id, name: parent ? `${parent.name}: ${technique.name}` : technique.name, tactics }
}

export interface TacticDelta {
  /** Tactic id, or '' for techniques the catalogue files under no tactic. */
  id: string
  name: string
  before: number
  after: number
  gained: CoveredTechnique[]
  lost: CoveredTechnique[]
}

/** Techniques gained and lost per tactic, in ATT&CK matrix order; only tactics with a change. */
export function coverageDelta(before: Map<string, CoveredTechnique>, after: Map<string, CoveredTechnique>, catalogue: AttackCatalogue): TacticDelta[] {
  const byId = (a: CoveredTechnique, b: CoveredTechnique) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const gained = [...after.values()].filter((t) => !before.has(t.id)).sort(byId)
  const lost = [...before.values()].filter((t) => !after.has(t.id)).sort(byId)
  const count = (set: Map<string, CoveredTechnique>, tactic: string) => [...set.values()].filter((t) => (tactic ? t.tactics.includes(tactic) : t.tactics.length === 0)).length
  const rows: TacticDelta[] = [...catalogue.tactics.map((t) => ({ id: t.id, name: t.name })), { id: '', name: 'No tactic (ids the ATT&CK catalogue does not list)' }].map(({ id, name }) => ({
    id,
    name,
    before: count(before, id),
    after: count(after, id),
    gained: gained.filter((t) => (id ? t.tactics.includes(id) : t.tactics.length === 0)),
    lost: lost.filter((t) => (id ? t.tactics.includes(id) : t.tactics.length === 0)),
  }))
  return rows.filter((r) => r.gained.length > 0 || r.lost.length > 0)
}
