import type { Diagnostic } from '../diagnostics.js'
import type { DataSource, YamlMap } from '../model.js'
import { fileStem } from './file-stem.js'
import { listYamlFiles } from './list-files.js'
import { readYamlMap } from './read-yaml-map.js'
import { keyPositionOf } from './yaml-source.js'

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
  const read = readYamlMap(path, text, { message: `${kind} file is not a YAML map, expected fields such as title`, code: 'data-type' }, (map) => !hasTitle(map))
  if (read.diagnostics) return { diagnostics: read.diagnostics }
  const { map, located } = read
  if (!hasTitle(map)) {
    const { line, col } = located && 'title' in map ? keyPositionOf(located.source, located.doc, ['title']) : { line: 1, col: 1 }
    return { diagnostics: [{ path, line, col, severity: 'error', message: `${kind} has no usable 'title' (${JSON.stringify(map.title ?? null)}), expected a non-empty string`, code: 'data-title' }] }
  }
  return { item: { path, stem: fileStem(path), text: read.text, doc: map, title: map.title }, diagnostics: [] }
}

function hasTitle(map: YamlMap): map is YamlMap & { title: string } {
  return typeof map.title === 'string' && map.title.trim() !== ''
}
