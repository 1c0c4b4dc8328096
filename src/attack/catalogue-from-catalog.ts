import { compareTechniqueIds, tacticTags, uniqueStrings, type AttackCatalogue, type CatalogueTactic, type CatalogueTechnique } from './catalogue.js'

type Obj = Record<string, unknown>

/**
 * Builds the bundled catalogue from a flat ATT&CK catalogue
 * (`{attack_version, tactics[], legacy_tactics[], techniques[]}`, the shape of the corpus' attack_catalog.json).
 * Returns the problems found instead of throwing.
 */
export function catalogueFromCatalog(json: unknown): { catalogue?: AttackCatalogue; errors: string[] } {
  const errors: string[] = []
  if (!isObj(json) || !Array.isArray(json.tactics) || !Array.isArray(json.techniques)) {
    return { errors: ['expected an object with `tactics` and `techniques` lists (an ATT&CK catalogue)'] }
  }
  const tactics = json.tactics.map((t, i) => readTactic(t, `tactics[${i}]`, errors))
  const legacy = (Array.isArray(json.legacy_tactics) ? json.legacy_tactics : []).map((t, i) => readTactic(t, `legacy_tactics[${i}]`, errors))
  const techniques = json.techniques.map((t, i) => readTechnique(t, `techniques[${i}]`, errors))
  if (errors.length) return { errors }
  return {
    catalogue: {
      source: typeof json.attack_version === 'string' ? `ATT&CK ${json.attack_version}` : 'ATT&CK catalogue',
      tactics: tactics as CatalogueTactic[],
      legacyTactics: legacy as CatalogueTactic[],
      techniques: (techniques as CatalogueTechnique[]).sort((a, b) => compareTechniqueIds(a.id, b.id)),
    },
    errors,
  }
}

function readTactic(value: unknown, where: string, errors: string[]): CatalogueTactic | undefined {
  if (!isObj(value) || !isStr(value.id) || !isStr(value.name) || !isStr(value.shortname)) {
    errors.push(`${where}: expected {id, name, shortname}, got ${JSON.stringify(value)?.slice(0, 80)}`)
    return undefined
  }
  const given = [value.sigma_tag, value.sigma_tag_v2].filter(isStr)
  return { id: value.id, name: value.name, shortname: value.shortname, tags: uniqueStrings([...given, ...tacticTags(value.shortname)]) }
}

function readTechnique(value: unknown, where: string, errors: string[]): CatalogueTechnique | undefined {
  if (!isObj(value) || !isStr(value.id) || !/^T\d{4}(\.\d{3})?$/.test(value.id) || !isStr(value.name)) {
    errors.push(`${where}: expected {id: "T1234" or "T1234.001", name, …}, got ${JSON.stringify(value)?.slice(0, 80)}`)
    return undefined
  }
  return {
    id: value.id,
    name: value.name,
    tactics: strings(value.tactics),
    parent: isStr(value.parent) ? value.parent : value.id.includes('.') ? value.id.split('.')[0]! : null,
    deprecated: value.deprecated === true,
    revoked: value.revoked === true,
    revokedBy: isStr(value.revoked_by) ? value.revoked_by : null,
    platforms: strings(value.platforms),
    description: isStr(value.description) ? value.description : '',
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isStr) : []
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStr(value: unknown): value is string {
  return typeof value === 'string'
}
