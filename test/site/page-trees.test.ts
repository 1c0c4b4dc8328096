import { describe, expect, it } from 'vitest'
import { crossLinkPages } from '../../src/crosslink/index.js'
import { renderMarkdown, renderMarkdownTree } from '../../src/site/markdown-processor.js'
import { siteIndexOf } from '../../src/site/site-context.js'
import { loadFixture } from './fixture-model.js'

describe('cross-link pages rendered from their syntax trees', () => {
  const fx = loadFixture('basic', 'hostile')
  const { files, trees } = crossLinkPages(fx.model, fx.catalogue)
  const pages = [...files.keys()].filter((p) => p.startsWith('wiki/')).map((p) => p.slice('wiki/'.length))
  const downloads = [...files.keys()].filter((p) => !p.startsWith('wiki/'))
  const site = siteIndexOf([...pages, ...fx.cards.keys()], downloads)

  it('has a tree for every cross-link page, and the page is that tree printed', () => {
    expect([...trees!.keys()].sort()).toEqual(pages.sort())
  })

  it('give the HTML and page state a parse of the printed Markdown gives (hostile titles and ATT&CK descriptions included)', () => {
    let withDescription = 0
    for (const [page, tree] of trees!) {
      const markdown = files.get(`wiki/${page}`)!
      const fromTree = renderMarkdown(markdown, page, site, tree)
      const parsed = renderMarkdown(markdown, page, site)
      expect(fromTree.html, page).toBe(parsed.html)
      expect({ ...fromTree.state, site: undefined }, page).toEqual({ ...parsed.state, site: undefined, markdownLinks: [] })
      if (markdown.includes('## Description')) withDescription++
    }
    expect(withDescription).toBeGreaterThan(0)
    expect([...trees!.keys()].some((p) => files.get(`wiki/${p}`)!.includes('hostile'))).toBe(true)
  })

  it('are parsed after all when a link has no target, so the warning points where the Markdown has it', () => {
    const noDownloads = siteIndexOf([...pages, ...fx.cards.keys()])
    const markdown = files.get('wiki/index.md')!
    const fromTree = renderMarkdownTree(trees!.get('index.md')!, 'index.md', noDownloads)
    expect(fromTree.state.dangling.length).toBeGreaterThan(0)
    expect(fromTree.state.dangling.every((d) => d.line === 1)).toBe(true)
    const rendered = renderMarkdown(markdown, 'index.md', noDownloads, trees!.get('index.md'))
    expect(rendered).toEqual(renderMarkdown(markdown, 'index.md', noDownloads))
    const line = markdown.split('\n').findIndex((l) => l.includes('](../analytics.csv)')) + 1
    expect(rendered.state.dangling.map((d) => d.line)).toContain(line)
  })
})
