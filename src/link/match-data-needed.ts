/** ATC's two ways of matching Data Needed against one rule document's logsource. */
import type { DataSource } from '../model.js'
import type { Logsource } from './logsource.js'
import { pyIntText, pyIter, pyStr } from './py-semantics.js'
import { samePyValue } from './selection-analysis.js'

// ATC never lists the plain 4688 Data Needed for a selection on command lines (the "with command line" one covers it).
const PLAIN_PROCESS_CREATION = 'DN_0001_4688_windows_process_creation'

/**
 * Event-ID based, per selection: Data Needed on the same platform (and channel, when the
 * logsource has both) whose title's third `_`-part, read as an integer, is one of the ids.
 */
export function matchByEventIds(dataNeeded: readonly DataSource[], logsource: Logsource, eventIds: readonly unknown[], hasCommandLine: boolean): string[] {
  const out: string[] = []
  for (const dn of byLogsource(dataNeeded, logsource)) {
    if (hasCommandLine && dn.title === PLAIN_PROCESS_CREATION) continue
    const part = dn.title.split('_')[2]
    const id = part === undefined ? null : pyIntText(part)
    // One entry per matching id, as ATC appends them (the caller de-duplicates).
    for (const eid of eventIds) if ((id ?? 'None') === pyStr(eid)) out.push(dn.title)
  }
  return out
}

/**
 * Field based, per document: Data Needed whose `fields` hold every field the document uses, then
 * for `process_creation` the same platform with `process_creation` in the title; else platform and
 * channel both equal when the logsource has both; else the same platform.
 */
export function matchByFields(dataNeeded: readonly DataSource[], logsource: Logsource, fields: readonly unknown[]): string[] {
  const out: string[] = []
  const processCreation = logsource.get('category') === 'process_creation'
  for (const dn of dataNeeded) {
    // Both tests are pure; the logsource one is cheap and rules out most Data Needed, so it goes first.
    const fits = processCreation ? samePyValue(logsource.get('platform'), dn.doc.platform) && dn.title.includes('process_creation') : sameLogsource(logsource, dn)
    if (!fits) continue
    const known = knownFields(dn)
    if (fields.every((f) => (typeof f === 'string' ? known.strings.has(f) : known.all.some((k) => samePyValue(k, f))))) out.push(dn.title)
  }
  return out
}

/** A Data Needed's fields, with its strings in a set: in Python a string equals only the same string. */
function knownFields(dn: DataSource): { all: unknown[]; strings: Set<string> } {
  let known = fieldSets.get(dn)
  if (!known || known.doc !== dn.doc) {
    const all = pyIter(dn.doc.fields)
    known = { doc: dn.doc, all, strings: new Set(all.filter((k): k is string => typeof k === 'string')) }
    fieldSets.set(dn, known)
  }
  return known
}

const fieldSets = new WeakMap<DataSource, { doc: DataSource['doc']; all: unknown[]; strings: Set<string> }>()

function byLogsource(dataNeeded: readonly DataSource[], logsource: Logsource): DataSource[] {
  return dataNeeded.filter((dn) => sameLogsource(logsource, dn))
}

function sameLogsource(logsource: Logsource, dn: DataSource): boolean {
  if (!samePyValue(logsource.get('platform'), dn.doc.platform)) return false
  return !(logsource.has('platform') && logsource.has('channel')) || samePyValue(logsource.get('channel'), dn.doc.channel)
}
