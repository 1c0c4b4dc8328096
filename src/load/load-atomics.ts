import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import type { AtomicsSource, YamlMap } from '../model.js'
import { isDirectory } from './list-files.js'
import { parseYamlSource, positionOf } from './yaml-source.js'

const TECHNIQUE_FOLDER = /^T\d{4}(\.\d{3})?$/

/**
 * Reads an Atomic Red Team `atomics/` folder: `<Tid>/<Tid>.yaml`. Every technique folder counts as a
 * trigger (ATC links a technique's trigger when the folder exists), even if its YAML is broken.
 */
export function loadAtomics(dir: string | undefined): { atomics: AtomicsSource[]; triggerFolders: Set<string>; diagnostics: Diagnostic[] } {
  const atomics: AtomicsSource[] = []
  const triggerFolders = new Set<string>()
  const diagnostics: Diagnostic[] = []
  if (!dir || !isDirectory(dir)) return { atomics, triggerFolders, diagnostics }
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name)
    if (!TECHNIQUE_FOLDER.test(name) || !isDirectory(folder)) continue
    triggerFolders.add(name)
    const path = [join(folder, `${name}.yaml`), join(folder, `${name}.yml`)].find((p) => existsSync(p))
    if (!path) continue
    const result = readAtomics(path, name)
    diagnostics.push(...result.diagnostics)
    if (result.atomics) atomics.push(result.atomics)
  }
  return { atomics, triggerFolders, diagnostics }
}

export function readAtomics(path: string, techniqueId: string, text?: string): { atomics?: AtomicsSource; diagnostics: Diagnostic[] } {
  const content = text ?? readFileSync(path, 'utf8')
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
