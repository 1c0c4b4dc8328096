import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { md, printMarkdown } from '../../src/crosslink/markdown.js'

describe('printMarkdown', () => {
  it('prints plain text and links through its fast paths exactly as the reference printer does', () => {
    const piece = fc.oneof(
      fc.constantFrom('T1059.001', 'OS Credential Dumping: LSASS Memory', '↳ PowerShell', '1. not a list', '2) nor this', '- dash', '-', '✓', '✗', '42', '+ plus', 'C++ "quoted" = 5%', 'a_b', 'x*y', 'www.example.com', 'https://a.b/c', 'http:x', '[x](y)', 'a|b', '<b>', '&amp;', '#1', 'Web Shell (IIS) / ASP.NET', 'a@b.com', '$HOME', 'ShadowPad.Loader', 'W.', 'maps:/x', 'p', ':/', ' (2 rules)', ', ', '; ', '(x)', ' ', 'a ', ' b', '--', '-- x', '+', '= x', '↳ Sub', '1)', '10. x', '✓ ok', '-:', '-|', '--x', '- -', ':-'),
      fc.string({ maxLength: 12 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), piece, fc.constantFrom('T1059.md', '../Detection_Rules/a%20b.md', 'https://attack.mitre.org/x', 'a b.md', 'x(1).md'), (texts, label, url) => {
        const nodes = [
          md.heading(1, ...texts),
          md.p(...texts, md.link(url, label)),
          md.table(['A', 'B'], [[texts, [md.link(url, label)]], [texts.slice(0, 1), label]]),
          md.list([[md.link(url, label), ' ', ...texts]]),
        ]
        expect(printMarkdown(nodes)).toBe(printMarkdown(nodes, true))
      }),
      { numRuns: 3000, seed: 20261127 },
    )
  })
})
