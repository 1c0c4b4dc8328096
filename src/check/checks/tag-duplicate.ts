import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags } from '../rule-tags.js'

export const tagDuplicate = ruleCheck(
  { id: 'tag-duplicate', severity: 'warning', description: 'no tag is given twice (the card would list it twice)' },
  (rule) => {
    const out: Finding[] = []
    const seen = new Map<string, number>()
    for (const { doc, item, tag } of ruleTags(rule)) {
      const key = `${doc}\u0000${tag}`
      const first = seen.get(key)
      if (first === undefined) seen.set(key, item)
      else out.push(atValue(rule, ['tags', item], `tag '${tag}' is repeated (item ${first + 1} is the same), expected each tag once`, doc))
    }
    return out
  },
)
