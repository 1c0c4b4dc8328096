import { techniqueById, type AttackCatalogue } from '../../attack/index.js'
import { tacticByTag } from '../../attack/index.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags, techniqueIdOf } from '../rule-tags.js'

/** Tactic id of a short name, current or legacy (`defense-evasion` is TA0005 like `stealth`). */
function tacticIdOf(catalogue: AttackCatalogue, shortname: string): string | undefined {
  return [...catalogue.tactics, ...catalogue.legacyTactics].find((t) => t.shortname === shortname)?.id
}

export const attackTacticMissing = ruleCheck(
  { id: 'attack-tactic-missing', severity: 'warning', description: "every technique tag comes with a tag of one of the technique's tactics" },
  (rule, context) => {
    const tags = ruleTags(rule)
    const tagged = new Set(tags.flatMap(({ tag }) => tacticByTag(context.catalogue, tag)?.id ?? []))
    return tags.flatMap(({ doc, item, tag }) => {
      const id = techniqueIdOf(tag)
      const technique = id ? techniqueById(context.catalogue, id) : undefined
      if (!technique || technique.tactics.length === 0) return []
      const ids = technique.tactics.map((s) => tacticIdOf(context.catalogue, s))
      if (ids.some((id) => id && tagged.has(id))) return []
      const expected = technique.tactics.map((s) => `attack.${s}`).join(' or ')
      return [atValue(rule, ['tags', item], `${technique.id} '${technique.name}' belongs to ${technique.tactics.join(', ')}, but the rule tags none of these tactics, expected ${expected}`, doc)]
    })
  },
)
