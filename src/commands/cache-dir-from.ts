import { resolve } from 'node:path'
import { defaultCacheDir } from '../cache/default-cache-dir.js'
import type { Command } from './command.js'

/** `--cache DIR` and `--no-cache`, for every command that reads or keeps work in the cache folder. */
export const CACHE_DIR_OPTIONS: Command['options'] = {
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
}

/** `--cache DIR`, `--no-cache` (null), or the default folder (null without a package.json). */
export function cacheDirFrom(values: Record<string, unknown>, cwd: string): string | null {
  if (values['no-cache'] === true) return null
  return typeof values.cache === 'string' ? resolve(cwd, values.cache) : defaultCacheDir(cwd)
}
