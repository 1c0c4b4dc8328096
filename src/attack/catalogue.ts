/**
 * The bundled ATT&CK catalogue: only what the product shows or links (tactic and technique
 * names, the tags rules use for tactics, parents, revocations, platforms, descriptions).
 */

export interface CatalogueTactic {
  /** `TA0004` */
  id: string
  name: string
  /** ATT&CK short name, e.g. `privilege-escalation`. */
  shortname: string
  /** Every tag spelling that names this tactic, e.g. `attack.privilege_escalation`, `attack.privilege-escalation`. */
  tags: string[]
}

export interface CatalogueTechnique {
  /** `T1055` or `T1055.012` */
  id: string
  /** For a sub-technique, its own part only (`DLL`, not `Hijack Execution Flow: DLL`). */
  name: string
  /** Tactic short names (kill-chain phases). */
  tactics: string[]
  /** Parent technique id of a sub-technique. */
  parent: string | null
  deprecated: boolean
  revoked: boolean
  revokedBy: string | null
  platforms: string[]
  description: string
}

export interface AttackCatalogue {
  /** Where the data came from (ATT&CK version), for the record. */
  source: string
  /** Current tactics in matrix order. */
  tactics: CatalogueTactic[]
  /** Tactics ATT&CK dropped that rules still name (their tags resolve, their ids may be reused). */
  legacyTactics: CatalogueTactic[]
  /** Sorted by id; includes revoked, deprecated and removed techniques. */
  techniques: CatalogueTechnique[]
}

/** Both tag spellings of a tactic short name: `attack.command_and_control` and `attack.command-and-control`. */
export function tacticTags(shortname: string): string[] {
  return uniqueStrings([`attack.${shortname.replace(/-/g, '_')}`, `attack.${shortname}`])
}

export function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** Orders technique ids the way ATT&CK lists them (T1001 < T1001.001 < T1002). */
export function compareTechniqueIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
