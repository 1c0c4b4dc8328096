import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../diagnostics.js'
import type { DataSource, YamlMap } from '../model.js'
import { fileStem } from './file-stem.js'
import { listYamlFiles } from './list-files.js'
import { fastYamlDocuments } from './fast-yaml.js'
import { keyPositionOf, parseYamlSource, positionOf } from './yaml-source.js'

export type DataKind = 'Data Needed' | 'Logging Policy' | 'Enrichment'

/** Reads Data Needed, Logging Policy or Enrichment documents: each a YAML map with a string `title`. */
export function loadDataSources(dir: string | undefined, kind: DataKind, exclude: readonly string[] = []): { items: DataSource[]; diagnostics: Diagnostic[] } {
  const items: DataSource[] = []
  const diagnostics: Diagnostic[] = []
  if (!dir) return { items, diagnostics }
  for (const path of listYamlFiles(dir, exclude)) {
    const result = readDataSource(path, kind)
    diagnostics.push(...result.diagnostics)
    if (result.item) items.push(result.item)
  }
  return { items, diagnostics }
}

export function readDataSource(path: string, kind: DataKind, text?: string): { item?: DataSource; diagnostics: Diagnostic[] } {
  let content: string
  try {
    content = text ?? readFileSync(path, 'utf8')
  } catch (error) {
    return { diagnostics: [{ path, line: 1, col: 1, severity: 'error', message: `cannot read file: ${(error as Error).message}`, code: 'read' }] }
  }
  // Fast path: a clean document needs no positions; anything to report is worked out with positions below.
  const first = fastYamlDocuments(content)?.[0]
  if (isMap(first) && typeof first.title === 'string' && first.title.trim() !== '') {
    return { item: { path, stem: fileStem(path), text: content, doc: first, title: first.title }, diagnostics: [] }
  }
  const { source, diagnostics } = parseYamlSource(path, content)
  if (diagnostics.length > 0) return { diagnostics }
  const doc = source.documents[0]
  const value = doc?.toJS() as unknown
  if (!doc || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const { line, col } = positionOf(source, doc?.contents)
    return { diagnostics: [{ path, line, col, severity: 'error', message: `${kind} file is not a YAML map, expected fields such as title`, code: 'data-type' }] }
  }
  const map = value as YamlMap
  if (typeof map.title !== 'string' || map.title.trim() === '') {
    const { line, col } = 'title' in map ? keyPositionOf(source, doc, ['title']) : { line: 1, col: 1 }
    return { diagnostics: [{ path, line, col, severity: 'error', message: `${kind} has no usable 'title' (${JSON.stringify(map.title ?? null)}), expected a non-empty string`, code: 'data-title' }] }
  }
  return { item: { path, stem: fileStem(path), text: content, doc: map, title: map.title }, diagnostics: [] }
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
