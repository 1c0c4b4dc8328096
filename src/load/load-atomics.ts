import type { Event } from 'js-yaml'
import type { Diagnostic } from '../diagnostics.js'
import type { AtomicsSource } from '../model.js'
import { listAtomicsFiles } from './list-atomics-files.js'
import { readYamlMap } from './read-yaml-map.js'

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


/** `events`: the text's js-yaml events when the fast reader read it; the card's model reads them again (see SourceOptions). */
export function readAtomics(path: string, techniqueId: string, text?: string): { atomics?: AtomicsSource; events?: Event[]; diagnostics: Diagnostic[] } {
  const read = readYamlMap(path, text, { message: 'atomics file is not a YAML map, expected attack_technique, display_name and atomic_tests', code: 'atomics-type' })
  if (read.diagnostics) return { diagnostics: read.diagnostics }
  return { atomics: { path, techniqueId, text: read.text, doc: read.map }, events: read.events, diagnostics: [] }
}

export { listAtomicsFiles }
