import type { LinkedRule } from '../model.js'

/**
 * `make`, kept per rule object. A process that builds again (watch, serve) hands later builds the same
 * object for a rule whose file and context did not change (see linkedRuleOf), so after one edit only the
 * edited rule's part of a page that lists every rule is made again. `make` must read nothing but the rule.
 */
export function perRule<T>(make: (rule: LinkedRule) => T): (rule: LinkedRule) => T {
  const kept = new WeakMap<LinkedRule, T>()
  return (rule) => {
    let value = kept.get(rule)
    if (value === undefined) kept.set(rule, (value = make(rule)))
    return value
  }
}
