import { createHash } from 'node:crypto'

/** A content hash of several parts; each part is length-prefixed so `('ab', 'c')` and `('a', 'bc')` differ. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha1')
  for (const part of parts) {
    hash.update(`${typeof part === 'string' ? 's' : 'b'}${part.length}:`)
    hash.update(part)
  }
  return hash.digest('hex')
}
