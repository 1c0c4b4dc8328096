import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashOf, hashOfEncoded } from '../../src/cache/hash.js'

/** The definition: each part's length prefix, then the part, handed to the hash one `update` at a time. */
function partByPart(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha1')
  for (const part of parts) {
    hash.update(`${typeof part === 'string' ? 's' : 'b'}${part.length}:`)
    hash.update(part)
  }
  return hash.digest('hex')
}

/** Deterministic pseudo-random numbers (a failure must be reproducible). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

// Texts that encode differently when split or joined: lone surrogates, a pair, non-Latin-1 characters.
const PIECES = ['a', 'Z', ':', 's1', '\uD83D', '\uDE00', '\uD83D\uDE00', '✓', 'é', '\0', '']

describe('hashOf', () => {
  it('is the hash of the parts one by one, however long or odd they are', () => {
    const next = random(6)
    for (let round = 0; round < 500; round++) {
      const parts: (string | Uint8Array)[] = []
      const count = Math.floor(next() * 7)
      for (let i = 0; i < count; i++) {
        const kind = next()
        if (kind < 0.15) parts.push(Uint8Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)))
        else {
          // Short texts and texts around the join limit (512), so that joined runs meet parts hashed alone.
          const length = kind < 0.3 ? 500 + Math.floor(next() * 30) : Math.floor(next() * 12)
          let text = ''
          while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)]
          parts.push(text)
        }
      }
      expect(hashOf(...parts), JSON.stringify(parts.map((p) => (typeof p === 'string' ? p.slice(0, 30) : [...p])))).toBe(partByPart(...parts))
    }
  })

  it('tells apart parts that join to the same text', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'))
    expect(hashOf('abc')).not.toBe(hashOf(new TextEncoder().encode('abc')))
  })

  it('gives the same hash for a text and for the bytes it encoded the text to, and those bytes are its UTF-8', () => {
    const next = random(7)
    for (let round = 0; round < 200; round++) {
      const length = next() < 0.5 ? Math.floor(next() * 40) : 500 + Math.floor(next() * 40)
      let text = ''
      while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)]
      const { hash, bytes } = hashOfEncoded(text)
      expect(hash).toBe(hashOf(text))
      expect(Buffer.from(bytes).equals(Buffer.from(text))).toBe(true)
    }
  })
})
