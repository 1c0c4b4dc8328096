import { compareTechniqueIds, tacticTags, type AttackCatalogue, type CatalogueTactic, type CatalogueTechnique } from './catalogue.js'

type Obj = Record<string, unknown>

/**
 * Builds the bundled catalogue from an official ATT&CK STIX 2.x bundle (enterprise-attack.json):
 * `x-mitre-tactic` objects (ordered by the `x-mitre-matrix`), `attack-pattern` objects with their
 * `mitre-attack` external id, kill-chain phases, platforms, `x_mitre_deprecated` / `revoked`, and
 * `revoked-by` relationships.
 */
export function catalogueFromStix(json: unknown): { catalogue?: AttackCatalogue; errors: string[] } {
  if (!isObj(json) || !Array.isArray(json.objects)) return { errors: ['expected a STIX bundle: an object with an `objects` list'] }
  const objects = json.objects.filter(isObj)
  const attackIdOf = new Map<string, string>()
  for (const o of objects) {
    const id = attackId(o)
    if (id && isStr(o.id)) attackIdOf.set(o.id, id)
  }
  const revokedBy = new Map<string, string>()
  for (const o of objects) {
    if (o.type !== 'relationship' || o.relationship_type !== 'revoked-by' || !isStr(o.source_ref) || !isStr(o.target_ref)) continue
    const target = attackIdOf.get(o.target_ref)
    if (target) revokedBy.set(o.source_ref, target)
  }
  const tactics = readTactics(objects)
  const byId = new Map<string, CatalogueTechnique>()
  for (const o of objects) {
    if (o.type !== 'attack-pattern') continue
    const technique = readTechnique(o, revokedBy)
    if (!technique) continue
    const existing = byId.get(technique.id)
    // The same id can appear twice (an old revoked object and the live one): keep the live one.
    if (!existing || (existing.revoked && !technique.revoked) || (existing.deprecated && !technique.deprecated && !technique.revoked)) byId.set(technique.id, technique)
  }
  const errors: string[] = []
  if (tactics.length === 0) errors.push('the bundle has no x-mitre-tactic objects')
  if (byId.size === 0) errors.push('the bundle has no attack-pattern objects with a mitre-attack external id')
  if (errors.length) return { errors }
  return {
    catalogue: {
      source: `ATT&CK STIX bundle${bundleVersion(objects)}`,
      tactics,
      legacyTactics: [],
      techniques: [...byId.values()].sort((a, b) => compareTechniqueIds(a.id, b.id)),
    },
    errors,
  }
}

function readTactics(objects: Obj[]): CatalogueTactic[] {
  const byStixId = new Map<string, CatalogueTactic>()
  for (const o of objects) {
    if (o.type !== 'x-mitre-tactic' || o.revoked === true || o.x_mitre_deprecated === true) continue
    const id = attackId(o)
    if (!id || !isStr(o.id) || !isStr(o.name) || !isStr(o.x_mitre_shortname)) continue
    byStixId.set(o.id, { id, name: o.name, shortname: o.x_mitre_shortname, tags: tacticTags(o.x_mitre_shortname) })
  }
  const matrix = objects.find((o) => o.type === 'x-mitre-matrix' && Array.isArray(o.tactic_refs) && o.revoked !== true)
  const ordered: CatalogueTactic[] = []
  if (matrix) {
    for (const ref of matrix.tactic_refs as unknown[]) {
      const tactic = isStr(ref) ? byStixId.get(ref) : undefined
      if (tactic && !ordered.includes(tactic)) ordered.push(tactic)
    }
  }
  const rest = [...byStixId.values()].filter((t) => !ordered.includes(t)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return [...ordered, ...rest]
}

function readTechnique(o: Obj, revokedBy: Map<string, string>): CatalogueTechnique | undefined {
  const id = attackId(o)
  if (!id || !/^T\d{4}(\.\d{3})?$/.test(id) || !isStr(o.name)) return undefined
  const phases = Array.isArray(o.kill_chain_phases) ? o.kill_chain_phases.filter(isObj) : []
  return {
    id,
    name: o.name,
    tactics: phases.filter((p) => p.kill_chain_name === 'mitre-attack' && isStr(p.phase_name)).map((p) => p.phase_name as string),
    parent: id.includes('.') ? id.split('.')[0]! : null,
    deprecated: o.x_mitre_deprecated === true,
    revoked: o.revoked === true,
    revokedBy: (isStr(o.id) && revokedBy.get(o.id)) || null,
    platforms: Array.isArray(o.x_mitre_platforms) ? o.x_mitre_platforms.filter(isStr) : [],
    description: isStr(o.description) ? o.description : '',
  }
}

function attackId(o: Obj): string | undefined {
  const refs = Array.isArray(o.external_references) ? o.external_references.filter(isObj) : []
  const ref = refs.find((r) => r.source_name === 'mitre-attack' && isStr(r.external_id))
  return ref ? (ref.external_id as string) : undefined
}

function bundleVersion(objects: Obj[]): string {
  const collection = objects.find((o) => o.type === 'x-mitre-collection' && isStr(o.x_mitre_version))
  return collection ? ` v${collection.x_mitre_version as string}` : ''
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStr(value: unknown): value is string {
  return typeof value === 'string'
}
