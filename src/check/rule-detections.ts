import type { YamlMap } from '../model.js'
import type { RuleFile } from './check.js'
import { isMap } from './is-map.js'
import type { YamlPath } from './locate.js'
import { ruleDocuments } from './rule-documents.js'

/** Keys of `detection` that are not search identifiers. */
export const DETECTION_KEYWORDS = ['condition', 'timeframe']

/** A search identifier (`selection`, `filter_main`, `keywords`) and where it is written. */
export interface Selection {
  name: string
  value: unknown
  /** Document that defines it (a collection's later documents inherit the first one's). */
  doc: number
}

export interface RuleDetection {
  /** Document holding this `detection`. */
  doc: number
  detection: YamlMap
  selections: Selection[]
  /** The condition in force and the document it is written in. */
  condition?: { value: unknown; doc: number }
}

/** The detection of each document of a rule, with what it inherits from a collection's first document. */
export function ruleDetections(rule: RuleFile): RuleDetection[] {
  const docs = ruleDocuments(rule)
  const global = docs[0] && docs.length > 1 && isMap(docs[0].doc.detection) ? { doc: docs[0].index, detection: docs[0].doc.detection } : undefined
  const out: RuleDetection[] = []
  for (const { index, doc } of docs) {
    if (!isMap(doc.detection)) continue
    const own = selectionsOf(doc.detection, index)
    const inherited = global && global.doc !== index ? selectionsOf(global.detection, global.doc).filter((s) => !own.some((o) => o.name === s.name)) : []
    const condition = 'condition' in doc.detection ? { value: doc.detection.condition, doc: index } : global && 'condition' in global.detection ? { value: global.detection.condition, doc: global.doc } : undefined
    out.push({ doc: index, detection: doc.detection, selections: [...own, ...inherited], ...(condition ? { condition } : {}) })
  }
  return out
}

function selectionsOf(detection: YamlMap, doc: number): Selection[] {
  return Object.entries(detection)
    .filter(([name]) => !DETECTION_KEYWORDS.includes(name))
    .map(([name, value]) => ({ name, value, doc }))
}

/** One `field|modifiers: value` of a selection, or a keyword (`field` undefined). */
export interface DetectionItem {
  /** Path from the document root to the key (for a keyword: to the value). */
  path: YamlPath
  field?: string
  modifiers: string[]
  value: unknown
  /** The key as written, for messages. */
  key?: string
}

/** Every field item and keyword of a selection, with its YAML path, in file order (lists of maps and nested lists included). */
export function detectionItems(selection: Selection): DetectionItem[] {
  const out: DetectionItem[] = []
  walk(selection.value, ['detection', selection.name], out)
  return out
}

function walk(value: unknown, path: YamlPath, out: DetectionItem[]): void {
  if (isMap(value)) {
    for (const [key, v] of Object.entries(value)) {
      const [field, ...modifiers] = key.split('|')
      out.push({ path: [...path, key], field: field!, modifiers, value: v, key })
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => (isMap(item) || Array.isArray(item) ? walk(item, [...path, i], out) : out.push({ path: [...path, i], modifiers: [], value: item })))
  } else if (value !== null && value !== undefined) {
    out.push({ path, modifiers: [], value })
  }
}

/** The values of an item as a list (a single value is a list of one). */
export function itemValues(item: DetectionItem): unknown[] {
  return Array.isArray(item.value) ? item.value : [item.value]
}

/** Every detection item of every selection, in the document that defines it (shared `global` parts are checked once). */
export function* ownDetectionItems(rule: RuleFile): Generator<{ selection: Selection; item: DetectionItem }> {
  for (const detection of ruleDetections(rule)) {
    for (const selection of detection.selections) {
      if (selection.doc !== detection.doc) continue
      for (const item of detectionItems(selection)) yield { selection, item }
    }
  }
}
