import type { RuleSource } from '../model.js'
import { resolveRuleDocuments, type RuleDocument } from './rule-documents.js'
import { readSigmaRule, type SigmaRule } from './sigma-rule.js'

export interface RuleFile {
  documents: RuleDocument[]
  /** The typed rule of each document (null for correlation, filter and other documents). */
  rules: (SigmaRule | null)[]
  /** A problem that makes the whole file unusable. */
  error: string | null
}

// Every backend converts the same rule: parse it once. Keyed on the documents array, which callers do not mutate.
const CACHE = new WeakMap<object, RuleFile>()

export function readRuleFile(source: RuleSource): RuleFile {
  let file = CACHE.get(source.documents)
  if (!file) {
    const resolved = resolveRuleDocuments(source.documents)
    file = {
      documents: resolved.documents,
      rules: resolved.documents.map((d) => (d.kind === 'rule' ? readDocument(d) : null)),
      error: resolved.error,
    }
    CACHE.set(source.documents, file)
  }
  return file
}

/** The detection as it was when the document was read; attributes read at output time from the live document. */
function readDocument(d: RuleDocument): SigmaRule {
  if (!d.snapshot) return readSigmaRule(d.doc)
  return { ...readSigmaRule(d.snapshot), doc: d.doc }
}
