import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const YAML_FILE = /\.ya?ml$/i

/** Every YAML file below `dir`, depth first, in code-point order so builds are deterministic. */
export function listYamlFiles(dir: string): string[] {
  const found: string[] = []
  walk(dir, found)
  return found
}

function walk(dir: string, found: string[]): void {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    const full = join(dir, name)
    let isDir: boolean
    try {
      isDir = statSync(full).isDirectory()
    } catch {
      continue
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
