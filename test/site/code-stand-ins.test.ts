import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WikiModel } from '../../src/crosslink/index.js'
import { loadRules } from '../../src/load/index.js'
import { BACKENDS, type BackendName, type Conversion } from '../../src/model.js'
import { standInCodeBlocks } from '../../src/site/code-stand-ins.js'
import { renderMarkdown } from '../../src/site/markdown-processor.js'
import { codeTextsOf } from '../../src/site/page-code-texts.js'
import { siteIndexOf } from '../../src/site/site-context.js'
import { FIXTURES, loadFixture } from './fixture-model.js'

/** Renders a page with the code texts and parsed as written; both must give the same HTML and page state. */
function bothWays(page: string, markdown: string, texts: string[], pages: Iterable<string> = [page]) {
  const site = siteIndexOf(pages)
  const fast = renderMarkdown(markdown, page, site, texts)
  const full = renderMarkdown(markdown, page, site)
  return { fast: { html: fast.html, state: { ...fast.state, site: undefined } }, full: { html: full.html, state: { ...full.state, site: undefined } } }
}

describe('code blocks the model knows skip the Markdown parser, with the same result', () => {
  it('on real cards: six corpus rules with their golden cards and conversions', () => {
    const dir = join(FIXTURES, 'stand-ins')
    const queries = new Map<string, Conversion>()
    for (const line of readFileSync(join(dir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const q = JSON.parse(line) as { rule: string; backend: BackendName; exit: number; stdout: string }
      queries.set(`${q.rule.replace(/^.*\//, '').replace(/\.yml$/, '')}/${q.backend}`, { backend: q.backend, text: q.stdout.replace(/\n$/, ''), ok: q.exit === 0 })
    }
    const { rules } = loadRules([join(dir, 'rules')])
    expect(rules).toHaveLength(6)
    const model: WikiModel = {
      rules: rules.map((source) => ({ source, links: { tactics: [], techniques: [], dataNeeded: [], triggers: [] } as never, conversions: BACKENDS.map((b) => queries.get(`${source.stem}/${b}`)!) })),
      dataNeeded: [], loggingPolicies: [], enrichments: [], atomics: [],
    }
    const codeTexts = codeTextsOf(model)
    for (const name of readdirSync(join(dir, 'cards'))) {
      const page = `Detection_Rules/${name}`
      const markdown = readFileSync(join(dir, 'cards', name), 'utf8')
      const texts = codeTexts(page)
      const standIns = standInCodeBlocks(markdown, texts)
      // The Sigma rule at least; every query long enough to be worth it.
      expect(standIns?.blocks.length, name).toBeGreaterThanOrEqual(1)
      expect(standIns!.markdown.length, name).toBeLessThan(markdown.length / 2)
      const { fast, full } = bothWays(page, markdown, texts)
      expect(fast, name).toEqual(full)
    }
  })

  it('on every card of the fixture wiki (rules and triggers), rendered by the product', () => {
    const fx = loadFixture('basic', 'hostile')
    const codeTexts = codeTextsOf(fx.model)
    const stood: string[] = []
    for (const [page, markdown] of fx.cards) {
      const texts = codeTexts(page)
      if (standInCodeBlocks(markdown, texts)) stood.push(page)
      const { fast, full } = bothWays(page, markdown, texts, fx.cards.keys())
      expect(fast, page).toEqual(full)
    }
    expect(stood.sort()).toEqual([...fx.cards.keys()].filter((p) => /^(Detection_Rules|Triggers)\//.test(p)).sort())
  })

  it('keeps links after a stood-in block where the page has them (line and column)', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i} of a long enough block`).join('\n')
    const markdown = `# T\n\n\`\`\`\n${text}\n\`\`\`\n\nsee [gone](../Nowhere/x.md) and ![i](p.png)\n\n[d]: ../Missing.md\n`
    const { fast, full } = bothWays('Data_Needed/x.md', markdown, [text])
    expect(standInCodeBlocks(markdown, [text])?.blocks).toHaveLength(1)
    expect(fast).toEqual(full)
    expect(fast.state.markdownLinks.map((l) => l.line)).toEqual([18, 18, 20])
    expect(fast.state.dangling.map((d) => [d.line, d.col])).toEqual([[18, 5], [18, 33]])
  })

  it('gives the page as written wherever the text is not exactly a top-level fenced block', () => {
    const text = 'title: x\n' + 'detection:\n    sel: [a, b]\n'.repeat(4) + '<script>alert(1)</script> & &amp; `code` *em*\n'
    const cases = [
      `<div>\n\`\`\`\n${text}\n\`\`\`\n</div>\n`, // inside an HTML block
      `\`\`\`\nopen fence\n\n\`\`\`\n${text}\n\`\`\`\n`, // the "opener" closes an earlier block
      `> \`\`\`\n${text}\n\`\`\`\n`, // a quote's fence: the text is lazy paragraph, not code
      `- item\n\n  \`\`\`\n${text}\n  \`\`\`\n`, // indented fences
      `# \uE000 private use\n\n\`\`\`\n${text}\n\`\`\`\n`, // the page holds the stand-in mark
      `\`\`\`\n${text}\n\`\`\`\`\`\n`, // longer closing fence
      `\`\`\`\n${text}\n\`\`\` not a closer\nmore\n\`\`\`\n`,
      `<h1>\n\n\`\`\`\n${text}\n\`\`\`\n\n</h1>\n`, // raw HTML around the block (parse5 nests it)
      `\`\`\`yaml\n${text}\n\`\`\`\n\n\`\`\`\n${text}\n\`\`\`\n`, // the same text twice, one with an info string
    ]
    for (const markdown of cases) {
      const { fast, full } = bothWays('Triggers/T1.md', markdown, [text])
      expect(fast, markdown).toEqual(full)
    }
  })

  it('gives the page as written for any block text (property)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('```', '~~~', '   ```', '\t```', '````', '```js', '<script>', '</pre>', '&amp;', '\0', '\r', '\t  x', '\uE000', '[a]: http://x', '- item', '> quote', '# h', '<!-- c -->', '  ', ''),
    )
    const text = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'))
    const info = fc.constantFrom('', 'powershell', 'sh')
    let used = 0
    fc.assert(
      fc.property(text, info, fc.boolean(), (body, lang, trailing) => {
        const padded = `${body}${'x'.repeat(70)}${trailing ? '\n' : ''}`
        const markdown = `# Card\n\n| a | b |\n| - | - |\n| <ul><li>x</li></ul> | [l](../y.md) |\n\n### Block\n\n\`\`\`${lang}\n${padded}\n\`\`\`\n\n[after](#card)\n`
        if (standInCodeBlocks(markdown, [padded])) used++
        const { fast, full } = bothWays('Detection_Rules/r.md', markdown, [padded])
        expect(fast).toEqual(full)
      }),
      { numRuns: 300, seed: 42 },
    )
    expect(used).toBeGreaterThan(30)
  })
})
