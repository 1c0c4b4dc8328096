import { readFileSync } from 'node:fs'
import type { Event } from 'js-yaml'
import type { Document } from 'yaml'
import type { Diagnostic } from '../diagnostics.js'
import type { YamlMap } from '../model.js'
import { fastYamlParse } from './fast-yaml.js'
import { parseYamlSource, positionOf, type YamlSource } from './yaml-source.js'

export type YamlMapRead =
  | {
      text: string
      map: YamlMap
      /** Present when the map was read with positions (the slow path). */
      located?: { source: YamlSource; doc: Document.Parsed }
      /** js-yaml's events of the text, when the fast reader read it (what ScalarIndex needs). */
      events?: Event[]
      diagnostics?: undefined
    }
  | { diagnostics: Diagnostic[] }

/**
 * Reads a file whose first YAML document must be a map. A clean file takes the fast reader; a broken one, or one
 * `needsPositions` asks about (because the caller will report on it), is read again with positions.
 */
export function readYamlMap(path: string, text: string | undefined, notMap: { message: string; code: string }, needsPositions: (map: YamlMap) => boolean = () => false): YamlMapRead {
  let content: string
  try {
    content = text ?? readFileSync(path, 'utf8')
  } catch (error) {
    return { diagnostics: [{ path, line: 1, col: 1, severity: 'error', message: `cannot read file: ${(error as Error).message}`, code: 'read' }] }
  }
  const fast = fastYamlParse(content)
  const first = fast?.documents[0]
  if (isMap(first) && !needsPositions(first)) return { text: content, map: first, events: fast?.events }
  const { source, diagnostics } = parseYamlSource(path, content)
  if (diagnostics.length > 0) return { diagnostics }
  const doc = source.documents[0]
  const value = doc?.toJS() as unknown
  if (!doc || !isMap(value)) {
    const { line, col } = positionOf(source, doc?.contents)
    return { diagnostics: [{ path, line, col, severity: 'error', message: notMap.message, code: notMap.code }] }
  }
  return { text: content, map: value, located: { source, doc } }
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}
