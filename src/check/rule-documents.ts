import type { YamlMap } from '../model.js'
import type { RuleFile } from './check.js'
import { isMap } from './is-map.js'

/** Each map document of a rule with its index (a Sigma collection has several: a global part and its rules). */
export function ruleDocuments(rule: RuleFile): { index: number; doc: YamlMap }[] {
  return rule.values.flatMap((value, index) => (isMap(value) ? [{ index, doc: value }] : []))
}

/**
 * Whether a field is given for the rule: in its only document, or, in a collection, in the
 * global first document or in every later one (each later document is merged with the first).
 */
export function hasField(rule: RuleFile, key: string): boolean {
  const docs = ruleDocuments(rule)
  const given = (doc: YamlMap) => key in doc && doc[key] !== null && doc[key] !== ''
  if (docs.length <= 1 || given(rule.rule)) return given(rule.rule)
  return docs.slice(1).every((d) => given(d.doc))
}

/** The first document that gives `key` (where to point at it), or undefined. */
export function documentWith(rule: RuleFile, key: string): { index: number; doc: YamlMap } | undefined {
  return ruleDocuments(rule).find((d) => key in d.doc)
}
