import type { LinkedRule } from '../model.js'
import { hashOf } from './hash.js'

interface Stamp {
  links: LinkedRule['links']
  conversions: LinkedRule['conversions']
  stamp: string
}

// By source object; a stamp holds only for the links and conversions it was taken with.
const stamps = new WeakMap<LinkedRule['source'], Stamp>()

/** Records that everything about `rule` (its file, links, conversions and card) is determined by `key`. */
export function recordRuleStamp(rule: LinkedRule, key: string): void {
  stamps.set(rule.source, { links: rule.links, conversions: rule.conversions, stamp: key })
}

/**
 * A content hash that changes whenever anything a page could show about the rule changes: its file, its
 * links, its conversions. The cached build's unit key when there is one (free), else hashed here once.
 */
export function ruleStamp(rule: LinkedRule): string {
  const known = stamps.get(rule.source)
  if (known && known.links === rule.links && known.conversions === rule.conversions) return known.stamp
  const stamp = hashOf('rule-stamp', rule.source.path, rule.source.text, JSON.stringify(rule.source.documents), JSON.stringify(rule.links), JSON.stringify(rule.conversions))
  stamps.set(rule.source, { links: rule.links, conversions: rule.conversions, stamp })
  return stamp
}
