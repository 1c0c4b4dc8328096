import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../diagnostics.js'
import type { AtomicsSource, YamlMap } from '../model.js'
import { listAtomicsFiles } from './list-atomics-files.js'
import { fastYamlDocuments } from './fast-yaml.js'
import { parseYamlSource, positionOf } from './yaml-source.js'

/**
 * Reads an Atomic Red Team `atomics/` folder: `<Tid>/<Tid>.yaml`. Every technique folder counts as a
 * trigger (ATC links a technique's trigger when the folder exists), even if its YAML is broken.
 */
export function loadAtomics(dir: string | undefined): { atomics: AtomicsSource[]; triggerFolders: Set<string>; diagnostics: Diagnostic[] } {
  const atomics: AtomicsSource[] = []
  const diagnostics: Diagnostic[] = []
  const { files, triggerFolders } = listAtomicsFiles(dir)
  for (const { path, techniqueId } of files) {
    const result = readAtomics(path, techniqueId)
    diagnostics.push(...result.diagnostics)
    if (result.atomics) atomics.push(result.atomics)
  }
  return { atomics, triggerFolders, diagnostics }
}


export function readAtomics(path: string, techniqueId: string, text?: string): { atomics?: AtomicsSource; diagnostics: Diagnostic[] } {
  const content = text ?? readFileSync(path, 'utf8')
  // Fast path: a clean document needs no positions; anything to report is worked out with positions below.
  const first = fastYamlDocuments(content)?.[0]
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) return { atomics: { path, techniqueId, text: content, doc: first as YamlMap }, diagnostics: [] }
  const { source, diagnostics } = parseYamlSource(path, content)
  if (diagnostics.length > 0) return { diagnostics }
  const doc = source.documents[0]
  const value = doc?.toJS() as unknown
  if (!doc || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const { line, col } = positionOf(source, doc?.contents)
    return { diagnostics: [{ path, line, col, severity: 'error', message: 'atomics file is not a YAML map, expected attack_technique, display_name and atomic_tests', code: 'atomics-type' }] }
  }
  return { atomics: { path, techniqueId, text: content, doc: value as YamlMap }, diagnostics: [] }
}

export { listAtomicsFiles }
