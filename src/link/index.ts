export { linkRule, type LinkInputs } from './link-rule.js'
export { resolveDataNeeded } from './resolve-data-needed.js'
export { resolveTriggers } from './resolve-triggers.js'
export { atcDocuments, universalNewlines } from './atc-documents.js'
