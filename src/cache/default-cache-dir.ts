import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The default cache folder, where other JS tools keep theirs: `node_modules/.cache/analytics-wiki` of the
 * nearest folder with a package.json. Without one, null: no disk cache, so nothing is written outside OUT.
 */
export function defaultCacheDir(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'node_modules/.cache/analytics-wiki')
    if (dirname(dir) === dir) return null
  }
}
