import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('../../templates/site', import.meta.url))

describe('the site templates', () => {
  // V8 keeps a string with any character above U+00FF at two bytes per character, and a page is made of
  // its template's text: one '…' in the layout made all 4,238 pages of the corpus two-byte strings, slower
  // to hash and to write (the first build's peak memory was 10 MB lower without it).
  it('write characters above U+00FF as HTML character references', () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.eta'))) {
      const wide = [...readFileSync(join(dir, name), 'utf8')].filter((ch) => ch.codePointAt(0)! > 0xff)
      expect(wide, name).toEqual([])
    }
  })
})
