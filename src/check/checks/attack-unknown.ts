import { tacticByTag, techniqueById } from '../../attack/index.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags, techniqueIdOf } from '../rule-tags.js'

// ATT&CK groups, software and mitigations are tagged by id too; the bundled catalogue does not list them.
const OTHER_OBJECT = /^attack\.[gsm]\d{4}$/

export const attackUnknown = ruleCheck(
  { id: 'attack-unknown', severity: 'error', description: 'every attack.* tag names a known tactic or technique (or a group/software id)' },
  (rule, context) =>
    ruleTags(rule).flatMap(({ doc, item, tag }) => {
      if (!tag.startsWith('attack.') || tag !== tag.toLowerCase() || OTHER_OBJECT.test(tag) || tacticByTag(context.catalogue, tag)) return []
      const id = techniqueIdOf(tag)
      if (id) {
        if (techniqueById(context.catalogue, id)) return []
        const parent = id.includes('.') ? techniqueById(context.catalogue, id.split('.')[0]!) : undefined
        const hint = parent ? ` (${parent.id} '${parent.name}' exists; check the sub-technique number)` : ''
        return [atValue(rule, ['tags', item], `tag '${tag}' names ${id}, which the ATT&CK catalogue does not list${hint}; the card would show its name as None`, doc)]
      }
      return [atValue(rule, ['tags', item], `tag '${tag}' is neither an ATT&CK tactic nor a technique, expected e.g. attack.execution or attack.t1059.001`, doc)]
    }),
)
