import { readdirSync, statSync, type Dirent } from 'node:fs'
import { join, resolve } from 'node:path'

const YAML_FILE = /\.ya?ml$/i

/**
 * Every YAML file below `dir`, depth first, in code-point order so builds are deterministic. Folders listed in
 * `exclude` are skipped: they belong to another input (e.g. `data_needed/logging_policies` inside `data_needed`).
 */
export function listYamlFiles(dir: string, exclude: readonly string[] = []): string[] {
  const found: string[] = []
  walk(dir, found, new Set(exclude.map((d) => resolve(d))))
  return found
}

function walk(dir: string, found: string[], exclude: ReadonlySet<string>): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch {
    return
  }
  for (const entry of entries) {
    const name = entry.name
    if (name.startsWith('.')) continue
    const full = join(dir, name)
    // The entry's type saves a stat per file; a link (or an unknown type) is followed as before.
    let isDir = entry.isDirectory()
    if (!isDir && !entry.isFile()) {
      try {
        isDir = statSync(full).isDirectory()
      } catch {
        continue
      }
    }
    if (isDir) {
      if (!exclude.has(resolve(full))) walk(full, found, exclude)
    }
    else if (YAML_FILE.test(name)) found.push(full)
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
