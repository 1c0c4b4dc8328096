import fc from 'fast-check'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { md, type Phrasing } from '../../src/crosslink/markdown.js'
import { renderMarkdownTree } from '../../src/site/markdown-processor.js'
import { fillPlainRows, plainRows } from '../../src/site/plain-rows.js'
import { siteIndexOf } from '../../src/site/site-context.js'

const site = siteIndexOf(['Techniques/T1059.md', 'Techniques/T1059.001.md', 'Detection_Rules/a b.md', 'Detection_Rules/proc_creation_win_x.md', 'Tactics/TA0002.md'], ['downloads/rules.json'])
const page = 'Techniques/T1059.md'

const rulesTable = (rows: number): Root => ({
  type: 'root',
  children: [
    md.heading(1, 'T1059: Command and Scripting Interpreter'),
    md.table(
      ['Rule', 'Level', 'Log source', 'Technique'],
      Array.from({ length: rows }, (_, i) => [[md.link('../Detection_Rules/proc_creation_win_x.md', `Rule ${i} "quoted" (x)`)], 'high', 'windows/process_creation', [md.link('T1059.001.md#usage', 'T1059.001'), ', ', md.code('es-qs')]]),
      [null, 'center', null, 'right'],
    ),
    md.p('See ', md.link('../Tactics/TA0002.md', 'TA0002')),
  ],
})

describe('plain table rows', () => {
  it('are printed without the pipeline, exactly as the pipeline prints them, links in page order', () => {
    const tree = rulesTable(40)
    const rows = plainRows(tree, page, site)
    // One row per cell shape goes through the pipeline (it checks the rest); the other 39 are printed here.
    expect(rows?.runs.map((r) => r.html.split('<tr>').length - 1)).toEqual([39])
    expect(rows?.probes).toHaveLength(1)
    // The pipeline's page with the placeholder takes the rows (else renderMarkdownTree falls back, unseen).
    const withPlaceholder = renderMarkdownTree(rows!.root, page, site, undefined, true)
    expect(fillPlainRows(withPlaceholder.html, withPlaceholder.state.links, rows!)?.html).toBe(renderMarkdownTree(tree, page, site, undefined, true).html)
    const fast = renderMarkdownTree(tree, page, site)
    const reference = renderMarkdownTree(tree, page, site, undefined, true)
    expect(fast.html).toBe(reference.html)
    expect(fast.state).toEqual(reference.state)
    expect(fast.state.links).toHaveLength(81)
    expect(fast.state.links.at(-1)?.target).toBe('Tactics/TA0002.html')
  })

  it('are left to the pipeline when a probe row comes out differently', () => {
    const tree = rulesTable(5)
    const rows = plainRows(tree, page, site)!
    const reference = renderMarkdownTree(tree, page, site, undefined, true)
    expect(fillPlainRows(reference.html.replace('<td align="center">high</td>', '<td>high</td>'), reference.state.links, rows)).toBeUndefined()
  })

  it('give the same page as the pipeline whatever the cells hold', () => {
    const text = fc.oneof(fc.constantFrom('high', 'windows/process_creation', 'a_b', '<script>x</script>', 'a & b', '&amp;', '"q"', "it's", ' ', ', ', '\uE011', 'x\ny', 'javascript:alert(1)', '*x*', '[x](y)', ''), fc.string({ maxLength: 6 }))
    const phrasing: fc.Arbitrary<Phrasing> = fc.oneof(
      text,
      fc.tuple(fc.constantFrom('../Detection_Rules/a%20b.md', '../Detection_Rules/missing.md', 'T1059.001.md#x', '#usage', 'https://attack.mitre.org/x', 'javascript:alert(1)', '../../rules.json', '../Tactics/'), text).map(([url, label]) => md.link(url, label)),
      text.map((value) => md.code(value)),
      text.map((value) => md.strong(value)),
      text.map((value) => md.emphasis(value)),
    )
    const cell = fc.array(phrasing, { maxLength: 3 })
    const table = fc.integer({ min: 1, max: 3 }).chain((columns) =>
      fc.tuple(
        fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.constantFrom(null, 'left', 'center', 'right'), { minLength: columns, maxLength: columns }),
      ),
    )
    fc.assert(
      fc.property(table, fc.array(text, { minLength: 40, maxLength: 40 }), ([[header, ...rows], align], texts) => {
        // The same rows again with other texts: runs of the shapes the first ones probed.
        let next = 0
        const retext = (node: Phrasing): Phrasing =>
          typeof node === 'string' ? texts[next++ % texts.length] : 'children' in node ? { ...node, children: node.children.map((c) => retext(c) as never) } : 'value' in node ? { ...node, value: texts[next++ % texts.length] } : node
        const again = rows.map((row) => row.map((cell) => cell.map(retext)))
        const tree: Root = { type: 'root', children: [md.table(header, [...rows, ...again, ...rows], align), md.p('after ', md.link('T1059.001.md', 'x'))] }
        const fast = renderMarkdownTree(tree, page, site)
        const reference = renderMarkdownTree(tree, page, site, undefined, true)
        expect(fast.html).toBe(reference.html)
        expect(fast.state).toEqual(reference.state)
      }),
      { numRuns: 1500, seed: 20261128 },
    )
  })
})
