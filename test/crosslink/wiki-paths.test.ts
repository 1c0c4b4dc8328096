import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeSegment, relativeFromPage } from '../../src/crosslink/wiki-paths.js'

// A small deterministic generator, so a failure names the same case on every run.
function* randomPaths(seed: number, count: number): Generator<string> {
  const segments = ['Detection_Rules', 'Tactics', 'x.md', 'T1003.001.md', 'a', 'b', '.', '..', '', 'ü ber.md', 'index.html', 'Detection_Rules']
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31)
  for (let i = 0; i < count; i++) {
    const depth = 1 + (next() % 4)
    const parts = Array.from({ length: depth }, () => segments[next() % segments.length]!)
    const lead = next() % 10 === 0 ? '/' : ''
    const trail = next() % 10 === 0 ? '/' : ''
    yield lead + parts.join('/') + trail
  }
}

/** Absolute, dot segments, empty segments, a trailing slash: paths the short way leaves to posix.relative. */
const odd = (p: string) => p === '' || p.startsWith('/') || p.endsWith('/') || p.includes('//') || /(^|\/)\.\.?(\/|$)/.test(p)

describe('relativeFromPage', () => {
  it('gives what posix.relative from the page’s folder gives, for plain and odd paths alike', () => {
    const froms = [...randomPaths(7, 3000)]
    const tos = [...randomPaths(11, 3000)]
    let plain = 0
    froms.forEach((from, i) => {
      const to = tos[i]!
      const expected = posix.relative(posix.dirname(from), to) || posix.basename(to)
      expect(relativeFromPage(from, to), `${from} -> ${to}`).toBe(expected)
      if (!odd(from) && !odd(to)) plain++
    })
    // Both ways are exercised: the short way for plain paths, posix.relative for the rest.
    expect(plain).toBeGreaterThan(20)
    expect(plain).toBeLessThan(froms.length)
  })

  it('links pages of the wiki as readers expect', () => {
    expect(relativeFromPage('Tactics/TA0001.md', 'Detection_Rules/x.md')).toBe('../Detection_Rules/x.md')
    expect(relativeFromPage('index.md', 'Tactics/TA0001.md')).toBe('Tactics/TA0001.md')
    expect(relativeFromPage('Tactics/TA0001.md', 'Tactics/TA0002.md')).toBe('TA0002.md')
    expect(relativeFromPage('Tactics/TA0001.md', 'Tactics/TA0001.md')).toBe('TA0001.md')
  })
})

describe('encodeSegment', () => {
  it('leaves plain names alone and encodes the rest as encodeURIComponent, keeping @ + ,', () => {
    const reference = (s: string) => (s === '..' || s === '.' ? s : encodeURIComponent(s).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%2C/g, ','))
    for (const segment of ['T1003.001.md', 'proc_creation_win-x~1.md', 'ü ber.md', 'a@b+c,d.md', 'a b', '%41', '#frag', '..', '.', '', "it's(1)*!.md"]) {
      expect(encodeSegment(segment), segment).toBe(reference(segment))
    }
  })
})
