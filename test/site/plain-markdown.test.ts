import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderMarkdownParts } from '../../src/site/markdown-processor.js'
import { plainMarkdownHtml } from '../../src/site/plain-markdown.js'
import { siteIndexOf } from '../../src/site/site-context.js'

const site = siteIndexOf(['Triggers/T1059.md'])
const page = 'Triggers/T1059.md'
// A single part is always parsed: the pipeline's own rendering.
const parsed = (text: string) => renderMarkdownParts([text], page, site).html[0]

describe('plain Markdown paragraphs', () => {
  it('print as the pipeline renders them, and only when they are plain', () => {
    const piece = fc.constantFrom(
      'Upon execution, the file is created.', 'Run it', '(admin)', '"quoted"', "it's", 'a = b', '50%', '$HOME', 'C:/Windows', 'key: value',
      '', ' ', '   ', '  indented', '   three', '    code', '- item', '+ item', '1. first', '2) second', '10. tenth', '1999 was', '1.5 times', '/etc/hosts', '$PATH', '50% of', '.hidden',
      '===', '---', '= x', 'Title', '#', 'www.example.com', 'https://x.org', 'a ', 'a  ', 'b   ', ' both ', 'x_y', 'file_name.txt', '_x_', 'a _b_ c', 'snake_case_ x', 'a__b', 'x_', '#{input_path}', 'C# code', 'end #', 'C:\\Windows\\System32', 'a\\*b', 'x\\', 'back\\ slash', '\\n', 'Run !this', '!', 'a{b}c', '{}', 'user@example.com', '~x~', 'a|b', '*b*', '`c`', '<b>', '&amp;', '\\',
    )
    const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'))
    let fast = 0
    fc.assert(
      fc.property(text, (value) => {
        const html = plainMarkdownHtml(value)
        if (html === undefined) return
        fast++
        expect(html).toBe(parsed(value))
      }),
      { numRuns: 2000, seed: 20261128 },
    )
    expect(fast).toBeGreaterThan(100)
  })

  it('come out of renderMarkdownParts as each part alone would, the plain ones without the parse', () => {
    const parts = ['Plain words.\nOn two lines.', 'With `code` and a [link](T1059.md).', '', 'Another plain one', '# Heading', 'Last plain\n\nTwo paragraphs']
    expect(plainMarkdownHtml(parts[0])).toBe('<p>Plain words.\nOn two lines.</p>')
    expect(plainMarkdownHtml(parts[5])).toBe('<p>Last plain</p>\n<p>Two paragraphs</p>')
    const together = renderMarkdownParts(parts, page, site)
    expect(together.html).toEqual(parts.map(parsed))
    expect(together.state.ids).toEqual(new Set(['heading']))
  })
})
