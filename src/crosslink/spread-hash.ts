/**
 * A cheap 32-bit hash of a text for picking among a few buckets by its low bits: FNV-1a of the text's length
 * and of its UTF-16 code units in `ranges` (the whole text by default), then MurmurHash3's final mix, since
 * FNV's low bits, which a modulo reads, mix only the characters' low bits. Not for content keys (see hashOf).
 */
export function spreadHash(text: string, ranges: readonly (readonly [from: number, to: number])[] = [[0, text.length]]): number {
  let hash = Math.imul(0x811c9dc5 ^ text.length, 0x01000193)
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}
