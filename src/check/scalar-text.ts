import { isScalar, type Document } from 'yaml'
import { nodeAt } from '../load/index.js'
import type { YamlPath } from './locate.js'

/** The text of a scalar as written in the file (YAML 1.1 turns `2024-01-31` into a timestamp; we want the text). */
export function scalarText(document: Document.Parsed | undefined, path: YamlPath): string | undefined {
  if (!document) return undefined
  const node = nodeAt(document, path)
  if (!isScalar(node)) return undefined
  const source = (node as { source?: unknown }).source
  return typeof source === 'string' ? source : node.value instanceof Date ? node.value.toISOString().slice(0, 10) : String(node.value)
}
