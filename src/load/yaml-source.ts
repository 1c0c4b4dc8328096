import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node, type ParsedNode } from 'yaml'
import type { Diagnostic } from '../diagnostics.js'
import { pyyamlCustomTags } from './pyyaml-tags.js'

/**
 * A YAML file parsed the way the reference tools (PyYAML) read it: YAML 1.1 scalars,
 * every document kept, with a line counter so any node can be traced back to `line:col`.
 */
export interface YamlSource {
  path: string
  text: string
  documents: Document.Parsed[]
  lineCounter: LineCounter
}

export function parseYamlSource(path: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(text, { lineCounter, version: '1.1', customTags: pyyamlCustomTags, prettyErrors: false, uniqueKeys: false })
  const diagnostics: Diagnostic[] = []
  const list = Array.isArray(documents) ? documents : []
  for (const doc of list) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0])
      diagnostics.push({ path, line, col, severity: 'error', message: `invalid YAML: ${firstLine(error.message)}`, code: 'yaml-syntax' })
    }
  }
  // A file of only comments yields an EmptyStream: no documents, no errors.
  return { source: { path, text, documents: list, lineCounter }, diagnostics }
}

/** Position (1-based) of a node, or of the document start when the node has no range. */
export function positionOf(source: YamlSource, node: Node | ParsedNode | null | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0
  return source.lineCounter.linePos(offset)
}

/** Walks `path` (map keys / sequence indexes) from a document's root; returns the deepest node reached. */
export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | null {
  let node: unknown = doc.contents
  let last: Node | null = (doc.contents as Node | null) ?? null
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
      if (!pair) return last
      node = pair.value ?? pair.key
      last = (pair.value as Node | null) ?? (pair.key as Node)
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step]
      if (!node) return last
      last = node as Node
    } else {
      return last
    }
  }
  return last
}

/** Position of the key of `path`'s last step (where a reader expects a "bad field" message to point). */
export function keyPositionOf(source: YamlSource, doc: Document.Parsed, path: readonly (string | number)[]): { line: number; col: number } {
  const parent = path.length > 1 ? nodeAt(doc, path.slice(0, -1)) : (doc.contents as Node | null)
  const step = path[path.length - 1]
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
    if (pair) return positionOf(source, pair.key as Node)
  }
  return positionOf(source, nodeAt(doc, path))
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim()
}
