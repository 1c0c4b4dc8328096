import type { AttackCatalogue } from '../attack/catalogue.js'
import { resolveTags } from '../attack/resolve-tags.js'
import type { Inputs, RuleLinks, RuleSource } from '../model.js'
import { atcDocuments } from './atc-documents.js'
import { pyIter, pyTruthy } from './py-semantics.js'
import { resolveDataNeeded } from './resolve-data-needed.js'
import { resolveTriggers } from './resolve-triggers.js'

export type LinkInputs = Pick<Inputs, 'dataNeeded' | 'enrichments' | 'triggerFolders'>

/** Everything the card links for a rule: tactics, techniques, other tags, Data Needed, triggers. */
export function linkRule(rule: RuleSource, inputs: LinkInputs, catalogue: AttackCatalogue): RuleLinks {
  const first = atcDocuments(rule)[0]
  // Tags as ATC parsed them (`&` already `&amp;`); a missing or empty `tags` means none.
  const tags = first && pyTruthy(first.tags) ? pyIter(first.tags) : []
  const { tactics, techniques, otherTags } = resolveTags(tags, catalogue)
  return {
    tactics,
    techniques,
    otherTags,
    dataNeeded: resolveDataNeeded(rule, inputs.dataNeeded, inputs.enrichments),
    triggers: resolveTriggers(techniques, inputs.triggerFolders),
  }
}
