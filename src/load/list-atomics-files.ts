import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isDirectory } from './list-files.js'

const TECHNIQUE_FOLDER = /^T\d{4}(\.\d{3})?$/

/** The technique folders of an atomics folder, and the technique file in each that has one. */
export function listAtomicsFiles(dir: string | undefined): { files: { path: string; techniqueId: string }[]; triggerFolders: Set<string> } {
  const files: { path: string; techniqueId: string }[] = []
  const triggerFolders = new Set<string>()
  if (!dir || !isDirectory(dir)) return { files, triggerFolders }
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name)
    if (!TECHNIQUE_FOLDER.test(name) || !isDirectory(folder)) continue
    triggerFolders.add(name)
    const path = [join(folder, `${name}.yaml`), join(folder, `${name}.yml`)].find((p) => existsSync(p))
    if (path) files.push({ path, techniqueId: name })
  }
  return { files, triggerFolders }
}
