import { hashOf } from '../cache/hash.js'
import type { LinkedRule } from '../model.js'
import { ruleFacts, storedFacts, type StoredFacts } from './rule-facts.js'

const stamps = new WeakMap<LinkedRule, string>()
const stored = new WeakMap<LinkedRule, string>()

/**
 * A hash of everything the cross-link pages and exports read of a rule: its facts, its links and whether
 * (and why not) each backend converted it. An edit that changes only the rule's card (a query, a false
 * positive, a comment) leaves it as it was, so those pages are kept.
 */
export function factsStamp(rule: LinkedRule): string {
  let stamp = stamps.get(rule)
  if (stamp === undefined) {
    stamp = hashOf(stored.get(rule) ?? storedFactsStamp(storedFacts(rule), rule), ruleFacts(rule).path)
    stamps.set(rule, stamp)
  }
  return stamp
}

/** The part of factsStamp a cached unit keeps: all but the rule's displayed path, which depends on where the build runs. */
export function storedFactsStamp(facts: StoredFacts, rule: Pick<LinkedRule, 'links' | 'conversions'>): string {
  const outcomes = rule.conversions.map((c) => [c.backend, c.ok, c.ok ? '' : (c.reason ?? c.text)])
  return hashOf('facts-stamp-2', JSON.stringify([facts, rule.links, outcomes]))
}

/** Takes the stored part of a rule's stamp from its cached unit. */
export function recordFactsStamp(rule: LinkedRule, storedStamp: string): void {
  stored.set(rule, storedStamp)
}

/** The stored part of a rule's stamp, as its unit recorded it (see recordFactsStamp); undefined when none did. */
export function recordedFactsStamp(rule: LinkedRule): string | undefined {
  return stored.get(rule)
}
