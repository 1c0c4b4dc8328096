import type { YamlMap } from '../model.js'

export type DocumentKind = 'rule' | 'correlation' | 'filter' | 'other'

export interface RuleDocument {
  /** The document as the converter sees it, after `action: global` attributes were merged in. */
  doc: YamlMap
  /** Index of the YAML document it came from. */
  index: number
  kind: DocumentKind
  /**
   * The document as it was when it was read, for files of several documents: a later `repeat` can change
   * nested maps it shares with this one, which the legacy converter saw only in attributes it read late
   * (title, fields), not in the already parsed detection.
   */
  snapshot?: YamlMap
}

export interface RuleDocumentsResult {
  documents: RuleDocument[]
  /** A problem that makes the whole file unusable (the legacy converter stopped on it). */
  error: string | null
}

/**
 * Turns a file's YAML documents into the rules it defines, the way the legacy converter read
 * multi-document files: `action: global` attributes are merged into every later rule (they win over
 * the rule's own values), `reset` forgets them, and `repeat` re-emits the previous rule with changes.
 * Inputs are not modified.
 */
export function resolveRuleDocuments(documents: readonly unknown[]): RuleDocumentsResult {
  let globals: YamlMap = {}
  let previous: YamlMap | null = null
  const out: RuleDocument[] = []
  for (let index = 0; index < documents.length; index++) {
    const raw = documents[index]
    if (!isMap(raw)) {
      if (raw === null || raw === undefined) continue
      return { documents: out, error: `document ${index + 1} is not a map` }
    }
    // Merging changes documents in place: copy them, unless the file is a single plain rule.
    const plain = documents.length === 1 && !('action' in raw)
    const doc = plain ? raw : (deepClone(raw) as YamlMap)
    const action = doc['action']
    if (!plain) delete doc['action']
    if (action === 'global') {
      deepUpdate(globals, doc)
    } else if (action === 'reset') {
      globals = {}
    } else if (action === 'repeat') {
      if (!previous) return { documents: out, error: "action 'repeat' is only applicable after first valid Sigma rule" }
      // A shallow copy, like the legacy converter: nested maps are shared with the previous rule.
      const repeated: YamlMap = { ...previous }
      deepUpdate(repeated, doc)
      out.push({ doc: repeated, index, kind: kindOf(repeated), snapshot: deepClone(repeated) as YamlMap })
      previous = repeated
    } else {
      if (Object.keys(globals).length > 0) deepUpdate(doc, deepClone(globals) as YamlMap)
      out.push(plain ? { doc, index, kind: kindOf(doc) } : { doc, index, kind: kindOf(doc), snapshot: deepClone(doc) as YamlMap })
      previous = doc
    }
  }
  return { documents: out, error: null }
}

/** Sigma 2 correlation and filter rules are recognised so they can be reported, not converted. */
export function kindOf(doc: YamlMap): DocumentKind {
  if ('correlation' in doc) return 'correlation'
  if ('filter' in doc && !('detection' in doc)) return 'filter'
  if ('detection' in doc) return 'rule'
  return 'other'
}

function deepUpdate(dest: YamlMap, src: YamlMap): void {
  for (const [key, value] of Object.entries(src)) {
    const current = dest[key]
    if (isMap(value) && isMap(current)) deepUpdate(current, value)
    else dest[key] = value
  }
}

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array)
}

function deepClone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepClone)
  if (isMap(value)) {
    const out: YamlMap = {}
    for (const [k, v] of Object.entries(value)) out[k] = deepClone(v)
    return out
  }
  return value
}
