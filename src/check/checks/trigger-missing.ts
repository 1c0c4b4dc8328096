import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags, techniqueIdOf } from '../rule-tags.js'

export const triggerMissing = ruleCheck(
  { id: 'trigger-missing', severity: 'info', description: 'each technique the rule tags has an Atomic Red Team test (a trigger) to exercise it' },
  (rule, context) => {
    const folders = context.inputs.triggerFolders
    if (folders.size === 0) return [] // no triggers folder: nothing to look up
    return ruleTags(rule).flatMap(({ doc, item, tag }) => {
      const id = techniqueIdOf(tag)
      if (!id || folders.has(id)) return []
      return [atValue(rule, ['tags', item], `no trigger for ${id}: the triggers folder has no ${id} atomics, so the card links no test for it`, doc)]
    })
  },
)
