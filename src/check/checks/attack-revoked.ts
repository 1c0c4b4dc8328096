import { techniqueById } from '../../attack/index.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags, techniqueIdOf } from '../rule-tags.js'

export const attackRevoked = ruleCheck(
  { id: 'attack-revoked', severity: 'warning', description: 'no technique tag names a revoked or deprecated ATT&CK technique (the replacement is named)' },
  (rule, context) =>
    ruleTags(rule).flatMap(({ doc, item, tag }) => {
      const id = techniqueIdOf(tag)
      const technique = id ? techniqueById(context.catalogue, id) : undefined
      if (!technique || (!technique.revoked && !technique.deprecated)) return []
      if (technique.revoked) {
        const by = technique.revokedBy ? techniqueById(context.catalogue, technique.revokedBy) : undefined
        const replacement = technique.revokedBy ? `, expected attack.${technique.revokedBy.toLowerCase()}${by ? ` (${by.id} '${by.name}')` : ''}` : ''
        return [atValue(rule, ['tags', item], `tag '${tag}': ${technique.id} '${technique.name}' is revoked${technique.revokedBy ? ` by ${technique.revokedBy}` : ''}${replacement}`, doc)]
      }
      return [atValue(rule, ['tags', item], `tag '${tag}': ${technique.id} '${technique.name}' is deprecated in ATT&CK and has no replacement, expected a current technique`, doc)]
    }),
)
