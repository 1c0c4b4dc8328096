import type { DataSource } from '../model.js'

/** Data sources by file stem (atc-data names each page after its file) and by title (how documents refer to each other). */
export function pageNames(sources: readonly DataSource[]): { byStem: Map<string, DataSource>; byTitle: Map<string, DataSource> } {
  return { byStem: new Map(sources.map((s) => [s.stem, s])), byTitle: new Map(sources.map((s) => [s.title, s])) }
}
