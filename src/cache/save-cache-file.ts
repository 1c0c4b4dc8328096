import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes one of the cache's own files whole (beside it, then renamed over it, so a reader never sees half
 * of one). The cache is only ever a shortcut: a file that cannot be written costs the next build time, so
 * a failure is swallowed. Returns whether it was written.
 */
export function saveCacheFile(file: string, data: string | Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(temp, data)
    renameSync(temp, file)
    return true
  } catch {
    rmSync(temp, { force: true })
    return false
  }
}
