import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { md, printMarkdown, type Phrasing } from '../../src/crosslink/markdown.js'

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

  it('prints tables row by row exactly as the reference printer does, whatever the cells hold', () => {
    const child = fc.oneof(
      fc.constantFrom('T1059', 'Valid Accounts', '↳ Cloud Accounts', '↳', '✓', '✗', '-', '-:', '12', ' (3)', ', ', ',', '; ', '(x)', ')', '.5', 'a|b', 'x_y', 'windows/process_creation', 'DN_0011_7_image', '_x', 'x_', 'a__b', '_', '1. z', '+ y', '# h', 'www.x.org', '', ' '),
      fc.string({ maxLength: 8 }),
    ).map((value): Phrasing => value)
    const special = fc.oneof(
      fc.constantFrom('powershell', 'es-qs', 'a b', 'x`y', '|').map((value) => md.code(value)),
      fc.tuple(fc.constantFrom('../Techniques/T1078.md', 'a b.md', 'https://x.org/y', 'x|y.md', '../Data_Needed/DN_0001_x.md'), fc.constantFrom('T1078', 'Valid Accounts', 'a|b', '', 'DN_0001_4688_windows', 'a_', '_b')).map(([url, label]) => md.link(url, label)),
      fc.constantFrom('ATT&CK', 'Techniques covered', 'a_b', 'x', ' x', 'x*', 'T1059.001', '').map((label) => md.strong(label)),
      fc.constant(md.emphasis('e')),
    )
    const cell = fc.array(fc.oneof(child, special), { minLength: 0, maxLength: 3 })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((columns) => fc.tuple(fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(null, 'left', 'right', 'center'), { minLength: columns, maxLength: columns }))), ([rows, align]) => {
        const [header, ...body] = rows
        const nodes = [md.table(header, body, align), md.p('after')]
        expect(printMarkdown(nodes)).toBe(printMarkdown(nodes, true))
      }),
      { numRuns: 3000, seed: 20261128 },
    )
  })
})
