import { linkRule } from '../link/index.js'
import type { RuleLinks } from '../model.js'
import type { CheckContext, RuleFile } from './check.js'

const cache = new WeakMap<RuleFile, RuleLinks>()

/** What the build links for the rule (tactics, techniques, Data Needed, triggers), worked out once per run. */
export function ruleLinks(rule: RuleFile, context: CheckContext): RuleLinks {
  let links = cache.get(rule)
  if (!links) {
    links = linkRule(rule.ruleSource, context.inputs, context.catalogue)
    cache.set(rule, links)
  }
  return links
}
