import type { TacticRef, TechniqueRef } from '../model.js'
import type { AttackCatalogue } from './catalogue.js'
import { tacticByTag, techniqueById } from './catalogue-index.js'
import { loadCatalogue } from './load-catalogue.js'
import { pyStr } from '../load/py-scalar-text.js'

export interface ResolvedTags {
  tactics: TacticRef[]
  techniques: TechniqueRef[]
  otherTags: string[]
}

// ATC's patterns (Python `re.match`, whose `$` also matches before a final newline; \w and \d are Unicode).
const TACTIC_SHAPE = /^attack\.[\p{L}\p{N}_][^\p{Nd}]+$/u
const TECHNIQUE_SHAPE = /^attack\.t\p{Nd}{4}(?:\.\p{Nd}{3})?\n?$/u

/**
 * Sorts a rule's tags the way ATC does, in the order written and without de-duplication:
 * a known tactic tag (either spelling, or a legacy tactic) → tactic; `attack.tNNNN[.NNN]` → technique
 * (name from the catalogue, `null` when the id is unknown); anything else → other tag.
 */
export function resolveTags(tags: readonly unknown[], catalogue: AttackCatalogue = loadCatalogue()): ResolvedTags {
  const out: ResolvedTags = { tactics: [], techniques: [], otherTags: [] }
  for (const value of tags) {
    const tag = pyStr(value)
    if (typeof value === 'string' && TACTIC_SHAPE.test(tag)) {
      const tactic = tacticByTag(catalogue, tag)
      if (tactic) out.tactics.push({ id: tactic.id, name: tactic.name, tag })
      else out.otherTags.push(tag)
    } else if (typeof value === 'string' && TECHNIQUE_SHAPE.test(tag)) {
      const id = tag.toUpperCase().slice('attack.'.length)
      out.techniques.push({ id, name: techniqueById(catalogue, id)?.name ?? null, tag })
    } else {
      out.otherTags.push(tag)
    }
  }
  return out
}

/** The ATT&CK page of a technique id (`T1134.001` → `…/techniques/T1134/001`). */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace(/\./g, '/')}`
}

export function tacticUrl(id: string): string {
  return `https://attack.mitre.org/tactics/${id}`
}
