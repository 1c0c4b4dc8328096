import { basename } from 'node:path'
import type { FileKind } from './check.js'

const TITLE_PREFIX: Record<string, FileKind> = { DN_: 'data-needed', LP_: 'logging-policy', EN_: 'enrichment' }

// Keys only one kind of document has (ATC data documents and Atomic Red Team files).
const DISTINCT_KEYS: [string, FileKind][] = [
  ['atomic_tests', 'atomics'],
  ['attack_technique', 'atomics'],
  ['loggingpolicy', 'data-needed'],
  ['eventID', 'logging-policy'],
  ['volume', 'logging-policy'],
  ['data_to_enrich', 'enrichment'],
  ['new_fields', 'enrichment'],
  ['fieldmappings', 'converter-config'],
  ['logsources', 'converter-config'],
  ['backends', 'converter-config'],
]

const ATOMICS_FILE = /^T\d{4}(?:\.\d{3})?\.ya?ml$/

/**
 * What a YAML file found under a checked path is, from its first document: Sigma rules have
 * `detection`/`logsource`; ATC documents are recognised by their title prefix or their own keys;
 * anything else is checked as a rule (that is what a rules folder is expected to hold).
 */
export function classifyFile(path: string, first: unknown): FileKind {
  if (ATOMICS_FILE.test(basename(path))) return 'atomics'
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return 'rule'
  const doc = first as Record<string, unknown>
  if ('detection' in doc || 'logsource' in doc || 'correlation' in doc) return 'rule'
  if (typeof doc.title === 'string') {
    const kind = TITLE_PREFIX[doc.title.slice(0, 3)]
    if (kind) return kind
  }
  for (const [key, kind] of DISTINCT_KEYS) if (key in doc) return kind
  return 'rule'
}
