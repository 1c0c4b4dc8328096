import type { TechniqueRef } from '../model.js'

/** The rule's techniques, in tag order and without de-duplication, that have a folder in the triggers directory. */
export function resolveTriggers(techniques: readonly TechniqueRef[], triggerFolders: ReadonlySet<string>): string[] {
  return techniques.map((t) => t.id).filter((id) => triggerFolders.has(id))
}
