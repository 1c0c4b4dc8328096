import { hashOf } from '../cache/hash.js'
import type { LinkedRule } from '../model.js'
import { ruleFacts } from './rule-facts.js'

const stamps = new WeakMap<LinkedRule, string>()

/**
 * A hash of everything the cross-link pages and exports read of a rule: its facts, its links and whether
 * (and why not) each backend converted it. An edit that changes only the rule's card (a query, a false
 * positive, a comment) leaves it as it was, so those pages are kept.
 */
export function factsStamp(rule: LinkedRule): string {
  let stamp = stamps.get(rule)
  if (stamp === undefined) {
    const outcomes = rule.conversions.map((c) => [c.backend, c.ok, c.ok ? '' : (c.reason ?? c.text)])
    stamp = hashOf('facts-stamp-1', JSON.stringify([ruleFacts(rule), rule.links, outcomes]))
    stamps.set(rule, stamp)
  }
  return stamp
}
