import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package's own folder (where package.json, templates/ and data/ are), found by walking up from this
 * module: the same answer from src/ (tests), lib/ (tsc's output) and lib/bundle/ (the bundled CLI), whose
 * modules sit at different depths.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)))

/** A file or folder of the package, by its path from the package's root. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts)
}

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isThisPackage(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`analytics-wiki's package.json was not found above ${start}; expected the package's folder to hold it`)
  }
}

function isThisPackage(file: string): boolean {
  if (!existsSync(file)) return false
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'analytics-wiki'
  } catch {
    return false
  }
}
