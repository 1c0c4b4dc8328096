import { tacticByTag } from '../../attack/index.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags } from '../rule-tags.js'

export const tacticSpelling = ruleCheck(
  { id: 'tactic-spelling', severity: 'warning', description: 'tactic tags use the current spelling: hyphens (attack.privilege-escalation, SigmaHQ since 2024) and current tactic names' },
  (rule, context) =>
    ruleTags(rule).flatMap(({ doc, item, tag }) => {
      const tactic = tacticByTag(context.catalogue, tag)
      if (!tactic) return []
      const current = context.catalogue.tactics.find((t) => t.id === tactic.id)
      const isLegacy = context.catalogue.legacyTactics.some((t) => t.shortname === tactic.shortname) && !context.catalogue.tactics.some((t) => t.shortname === tactic.shortname)
      if (isLegacy && current) {
        return [atValue(rule, ['tags', item], `tag '${tag}' names '${tactic.name}', a tactic ATT&CK no longer has; ${tactic.id} is now '${current.name}' (attack.${current.shortname}), expected the current tactic of the rule's techniques`, doc)]
      }
      const preferred = `attack.${tactic.shortname}`
      return tag === preferred ? [] : [atValue(rule, ['tags', item], `tag '${tag}' uses the old spelling, expected '${preferred}'`, doc)]
    }),
)
