import { describe, expect, it } from 'vitest'
import { CardBuilder, textRow, type CardSection } from '../../src/site/card-content.js'
import { renderMarkdownParts } from '../../src/site/markdown-processor.js'
import type { SiteIndex } from '../../src/site/link-resolver.js'

const site: SiteIndex = { pages: new Set(['Detection_Rules/a.md', 'Data_Needed/DN_1.md']), files: new Set() }
const page = 'Detection_Rules/a.md'
const markdown = '| Data Needed | [DN_1](../Data_Needed/DN_1.md) |\n'

function card(render?: typeof renderMarkdownParts, sections: CardSection[] = [{ level: 3, heading: 'Sigma rule', code: 'title: a\n' }]) {
  const builder = new CardBuilder(page, markdown, site, render)
  const rows = [textRow('Severity Level', 'high', 'none'), { label: 'Data Needed', items: [builder.wikiLink('../Data_Needed/DN_1.md', 'DN_1')] }]
  return builder.finish('A rule', rows, sections)
}

describe('CardBuilder', () => {
  it('makes a card without Markdown sections (a rule card) without a Markdown renderer, as with one', () => {
    const without = card()
    expect(without).toEqual(card(renderMarkdownParts))
    expect(without.html).toContain('<code')
    expect(without.links).toEqual([{ target: 'Data_Needed/DN_1.html', fragment: '' }])
  })

  it('renders Markdown sections with the renderer it is given, and names the card when it has none', () => {
    const sections: CardSection[] = [{ level: 2, heading: 'Configuration', markdown: 'Turn **on** [DN_1](../Data_Needed/DN_1.md)' }]
    const made = card(renderMarkdownParts, sections)
    expect(made.html).toContain('<strong>on</strong>')
    expect(made.links.map((l) => l.target)).toEqual(['Data_Needed/DN_1.html', 'Data_Needed/DN_1.html'])
    expect(() => card(undefined, sections)).toThrow(/Detection_Rules\/a\.md has Markdown sections/)
  })
})
