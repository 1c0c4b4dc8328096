/**
 * What ATC reads out of a rule document's `detection` to choose Data Needed, quirks included.
 * A *selection* is every key of `detection` except `condition` and `timeframe`.
 */
import { isPyInt, isPyMap, isPyStr, pyIter, type PyMap } from './py-semantics.js'

const NOT_SELECTIONS = new Set(['condition', 'timeframe'])
const COMMAND_LINE_FIELDS = new Set(['CommandLine', 'ProcessCommandLine', 'ProcesssCommandLine', 'ParentCommandLine'])

/** The selections of a document, as [name, value] in written order. */
export function selectionsOf(doc: PyMap): Array<[string, unknown]> {
  const detection = doc.detection
  if (!isPyMap(detection)) return []
  return Object.entries(detection).filter(([name]) => !NOT_SELECTIONS.has(name))
}

/** Field name without Sigma modifiers (`CommandLine|contains|all` → `CommandLine`). */
export function fieldName(key: unknown): unknown {
  return typeof key === 'string' ? key.split('|')[0] : key
}

/**
 * Event-ID based: some selection has a key exactly `EventID` — a map selection's own key, or a key
 * of a map inside a list selection (ATC also accepts a list item that is the string `EventID`).
 */
export function isEventIdBased(doc: PyMap): boolean {
  for (const [, selection] of selectionsOf(doc)) {
    for (const item of pyIter(selection)) {
      if (isPyStr(item) || isPyInt(item)) {
        if (item === 'EventID') return true
      } else if (isPyMap(item) && 'EventID' in item) {
        return true
      }
    }
  }
  return false
}

/**
 * The event ids a selection names: values of `EventID` keys that are integers or lists.
 * A list selection holding any string (keywords) has none.
 */
export function selectionEventIds(selection: unknown): unknown[] {
  if (Array.isArray(selection)) {
    if (selection.some(isPyStr)) return []
    const ids: unknown[] = []
    for (const item of selection) if (isPyMap(item)) collectEventIds(item, ids)
    return ids
  }
  const ids: unknown[] = []
  if (isPyMap(selection)) collectEventIds(selection, ids, true)
  return ids
}

function collectEventIds(map: PyMap, ids: unknown[], skipNonSelections = false): void {
  for (const [key, value] of Object.entries(map)) {
    if (skipNonSelections && NOT_SELECTIONS.has(key)) continue
    if (key !== 'EventID') continue
    if (Array.isArray(value)) ids.push(...value)
    else if (isPyInt(value)) ids.push(value)
  }
}

/** Whether a selection names a command-line field (modifiers removed). Keyword lists never do. */
export function selectionHasCommandLine(selection: unknown): boolean {
  if (Array.isArray(selection) && selection.some(isPyStr)) return false
  for (const item of pyIter(selection)) {
    if (isPyStr(item) && !NOT_SELECTIONS.has(item) && COMMAND_LINE_FIELDS.has(fieldName(item) as string)) return true
    if (isPyMap(item) && Object.keys(item).some((key) => COMMAND_LINE_FIELDS.has(fieldName(key) as string))) return true
  }
  return false
}

/**
 * Field names of a document (modifiers removed, first occurrence order, no repeats) for the
 * field-based match. A selection that is not a map sends ATC to its older whole-detection scan.
 */
export function documentFields(doc: PyMap): unknown[] {
  const fields: unknown[] = []
  const add = (field: unknown) => {
    const name = fieldName(field)
    if (!fields.some((f) => samePyValue(f, name))) fields.push(name)
  }
  for (const [, selection] of selectionsOf(doc)) {
    const found = mapSelectionFields(selection) ?? wholeDetectionFields(doc)
    found.forEach(add)
  }
  return fields
}

/** ATC's per-selection scan; undefined where it gives up (not a map, or an item it cannot iterate). */
function mapSelectionFields(selection: unknown): unknown[] | undefined {
  if (!isPyMap(selection)) return undefined
  const out: unknown[] = []
  for (const [key, value] of Object.entries(selection)) {
    if (NOT_SELECTIONS.has(key)) continue
    if (!Array.isArray(value) || key === 'EventID') {
      out.push(key)
      continue
    }
    for (const item of value) {
      if (isPyStr(item) || isPyInt(item)) {
        out.push(key)
        break
      }
      if (!isIterable(item)) return undefined
      out.push(...pyIter(item))
    }
  }
  return out
}

/**
 * The older scan over the whole detection: map selections give nothing (their string keys are
 * skipped), a list of maps gives the maps' keys, a list of plain strings gives nothing, and a
 * list that holds a number gives the selection's own name.
 */
function wholeDetectionFields(doc: PyMap): unknown[] {
  const out: unknown[] = []
  for (const [name, selection] of selectionsOf(doc)) {
    for (const value of pyIter(selection)) {
      if (isPyStr(value)) continue
      if (!Array.isArray(selection) || name === 'EventID') {
        out.push(value)
        continue
      }
      for (const item of selection) {
        if (isPyStr(item) || isPyInt(item)) {
          out.push(name)
          break
        }
        out.push(...pyIter(item))
      }
    }
  }
  return out
}

function isIterable(value: unknown): boolean {
  return Array.isArray(value) || isPyStr(value) || isPyMap(value)
}

/** Python `==` between the plain values ATC compares (strings, numbers, booleans, None). */
export function samePyValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined)
  const na = num(a)
  const nb = num(b)
  if (na !== undefined && nb !== undefined) return na === nb
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => samePyValue(v, b[i]))
  return false
}
