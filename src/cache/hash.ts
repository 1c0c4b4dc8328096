import { createHash } from 'node:crypto'

/** Parts shorter than this are hashed as one text with their neighbours: each `update` call costs more than hashing them. */
const SMALL_PART = 512

/**
 * A content hash of several parts; each part is length-prefixed so `('ab', 'c')` and `('a', 'bc')` differ.
 * The hash is of the parts' prefixed bytes in order, however they are handed to the hash: small texts go in
 * joined (a build makes tens of thousands of keys of a few short parts), long ones and bytes one by one.
 */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha1')
  let pending = ''
  for (const part of parts) {
    const prefix = `${typeof part === 'string' ? 's' : 'b'}${part.length}:`
    if (typeof part === 'string' && part.length < SMALL_PART) {
      pending += prefix + part
      continue
    }
    hash.update(pending + prefix)
    pending = ''
    hash.update(part)
  }
  if (pending !== '') hash.update(pending)
  return hash.digest('hex')
}
