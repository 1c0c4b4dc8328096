import type { DataSource, RuleSource } from '../model.js'
import { atcDocuments } from './atc-documents.js'
import { documentLogsource, type Logsource } from './logsource.js'
import { matchByEventIds, matchByFields } from './match-data-needed.js'
import { compareCodePoints, pyIter, pyStr, pyTruthy, type PyMap } from './py-semantics.js'
import { documentFields, isEventIdBased, selectionEventIds, selectionHasCommandLine, selectionsOf } from './selection-analysis.js'

/**
 * The Data Needed titles a rule needs, worked out the way ATC does (sorted, no repeats):
 * the `data_needed` of the Enrichments the rule names, then per document either per selection
 * by event id (when the document is event-ID based) or by the fields it uses.
 * With several documents, the first counts only when it has a logsource; each later document
 * ("addition") is resolved with its own logsource and detection.
 */
export function resolveDataNeeded(rule: RuleSource, dataNeeded: readonly DataSource[], enrichments: readonly DataSource[]): string[] {
  const docs = atcDocuments(rule)
  const first = docs[0]
  if (!first) return []
  const found: string[] = []
  if (pyTruthy(first.enrichment)) {
    for (const name of pyIter(first.enrichment)) {
      for (const enrichment of enrichments) {
        if (enrichment.doc.title === name) found.push(...pyIter(enrichment.doc.data_needed).map(pyStr))
      }
    }
  }
  if (docs.length === 1) {
    found.push(...documentDataNeeded(first, documentLogsource(first) ?? new Map(), dataNeeded))
  } else {
    const logsource = documentLogsource(first)
    if (logsource && logsource.size > 0) found.push(...documentDataNeeded(first, logsource, dataNeeded))
    for (const addition of docs.slice(1)) found.push(...documentDataNeeded(addition, documentLogsource(addition) ?? new Map(), dataNeeded))
  }
  return [...new Set(found)].sort(compareCodePoints)
}

function documentDataNeeded(doc: PyMap, logsource: Logsource, dataNeeded: readonly DataSource[]): string[] {
  if (!isEventIdBased(doc)) return matchByFields(dataNeeded, logsource, documentFields(doc))
  const out: string[] = []
  for (const [, selection] of selectionsOf(doc)) {
    out.push(...matchByEventIds(dataNeeded, logsource, selectionEventIds(selection), selectionHasCommandLine(selection)))
  }
  return out
}
