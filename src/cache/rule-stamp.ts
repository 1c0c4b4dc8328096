import type { LinkedRule } from '../model.js'
import { hashOf } from './hash.js'

interface Stamp {
  rule: LinkedRule
  links: LinkedRule['links']
  stamp: string
}

// By source object; a stamp holds only for the rule object (its conversions) and the links it was taken with.
// Comparing the conversions themselves would read a cached rule's body (see linkedRuleOf) for nothing.
const stamps = new WeakMap<LinkedRule['source'], Stamp>()

/** Records that everything about `rule` (its file, links, conversions and card) is determined by `key`. */
export function recordRuleStamp(rule: LinkedRule, key: string): void {
  stamps.set(rule.source, { rule, links: rule.links, stamp: key })
}

/**
 * A content hash that changes whenever anything a page could show about the rule changes: its file, its
 * links, its conversions. The cached build's unit key when there is one (free), else hashed here once.
 */
export function ruleStamp(rule: LinkedRule): string {
  const known = stamps.get(rule.source)
  if (known && known.rule === rule && known.links === rule.links) return known.stamp
  const stamp = hashOf('rule-stamp', rule.source.path, rule.source.text, JSON.stringify(rule.source.documents), JSON.stringify(rule.links), JSON.stringify(rule.conversions))
  stamps.set(rule.source, { rule, links: rule.links, stamp })
  return stamp
}
