import type { Node } from 'yaml'
import { keyPositionOf, nodeAt, positionOf } from '../load/index.js'
import type { CheckedFile, Finding } from './check.js'

export type YamlPath = readonly (string | number)[]

/** A finding at the key of `path` in document `doc` (where "this field is wrong" should point). */
export function atKey(file: CheckedFile, path: YamlPath, message: string, doc = 0): Finding {
  const document = file.documents[doc]
  const { line, col } = document ? keyPositionOf(file.source, document, path) : { line: 1, col: 1 }
  return { path: file.path, line, col, message }
}

/** A finding at the value of `path` (where "this value is wrong" should point). */
export function atValue(file: CheckedFile, path: YamlPath, message: string, doc = 0): Finding {
  const document = file.documents[doc]
  const { line, col } = document ? positionOf(file.source, nodeAt(document, path)) : { line: 1, col: 1 }
  return { path: file.path, line, col, message }
}

/** A finding at a node already in hand. */
export function atNode(file: CheckedFile, node: Node | null | undefined, message: string): Finding {
  const { line, col } = positionOf(file.source, node)
  return { path: file.path, line, col, message }
}

/** A finding about the document as a whole (a missing field): its first line. */
export function atDocument(file: CheckedFile, message: string, doc = 0): Finding {
  const document = file.documents[doc]
  const { line, col } = document ? positionOf(file.source, document.contents) : { line: 1, col: 1 }
  return { path: file.path, line, col, message }
}
