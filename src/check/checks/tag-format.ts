import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleTags } from '../rule-tags.js'

// SigmaHQ's tag namespaces and the shape of their values.
const NAMESPACES: Record<string, RegExp> = {
  attack: /^[a-z0-9][a-z0-9._-]*$/,
  car: /^\d{4}-\d{2}-\d{3}$/,
  cve: /^\d{4}-\d{4,}$/,
  detection: /^(?:dfir|emerging-threats|threat-hunting)$/,
  stp: /^[0-9][a-z]{1,2}$/,
  tlp: /^(?:clear|white|green|amber|amber-strict|red)$/,
}

export const tagFormat = ruleCheck(
  { id: 'tag-format', severity: 'warning', description: `tags are lower case, written namespace.value with a known namespace (${Object.keys(NAMESPACES).join(', ')})` },
  (rule) =>
    ruleTags(rule).flatMap(({ doc, item, tag }) => {
      const dot = tag.indexOf('.')
      const namespace = dot > 0 ? tag.slice(0, dot) : ''
      const value = tag.slice(dot + 1)
      const shape = NAMESPACES[namespace]
      let problem: string | undefined
      if (tag !== tag.toLowerCase()) problem = `is not in lower case, expected '${tag.toLowerCase()}' (ATT&CK ids in upper case are not recognised as techniques)`
      else if (!shape) problem = `has ${namespace ? `the unknown namespace '${namespace}'` : 'no namespace'}, expected one of ${Object.keys(NAMESPACES).map((n) => `${n}.`).join(', ')}`
      else if (!shape.test(value)) problem = `is not a valid ${namespace} tag`
      return problem ? [atValue(rule, ['tags', item], `tag '${tag}' ${problem}`, doc)] : []
    }),
)
