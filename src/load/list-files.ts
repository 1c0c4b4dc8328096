import { readdirSync, statSync, type Dirent } from 'node:fs'
import { join } from 'node:path'

const YAML_FILE = /\.ya?ml$/i

/** Every YAML file below `dir`, depth first, in code-point order so builds are deterministic. */
export function listYamlFiles(dir: string): string[] {
  const found: string[] = []
  walk(dir, found)
  return found
}

function walk(dir: string, found: string[]): void {
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
    if (isDir) walk(full, found)
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
