import type { RuleFile } from './check.js'
import { ruleDocuments } from './rule-documents.js'

export interface RuleTag {
  /** Document index and position in its `tags` list, to point at the tag. */
  doc: number
  item: number
  tag: string
}

/** Every string tag of every document of the rule, in file order. */
export function ruleTags(rule: RuleFile): RuleTag[] {
  return ruleDocuments(rule).flatMap(({ index, doc }) =>
    Array.isArray(doc.tags) ? doc.tags.flatMap((tag, item) => (typeof tag === 'string' ? [{ doc: index, item, tag }] : [])) : [],
  )
}

/** `attack.t1059.001`; group 1 is the id without its `T`. */
export const TECHNIQUE_TAG = /^attack\.t(\d{4}(?:\.\d{3})?)$/

/** The technique id (`T1059.001`) a tag names, or undefined. */
export function techniqueIdOf(tag: string): string | undefined {
  const match = TECHNIQUE_TAG.exec(tag)
  return match ? `T${match[1]}` : undefined
}
