import fc from 'fast-check'
import type { Element } from 'hast'
import { describe, expect, it } from 'vitest'
import { buildCrossLinks } from '../../src/crosslink/index.js'
import { buildSite, checkLinks } from '../../src/site/index.js'
import { renderMarkdown } from '../../src/site/markdown-processor.js'
import { elements, parseHtml } from './html-tree.js'
import { loadFixture } from './fixture-model.js'

/** Elements that run code, load another document or send data, in any page content. */
const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math', 'template', 'video', 'audio', 'source', 'track'])
const SAFE_URL = /^(https?:|mailto:|#|[^:]*$)/i

/** Everything in `tree` that could run or load something; the layout's own script and stylesheet excepted. */
function problems(tree: ReturnType<typeof parseHtml>, page: string): string[] {
  const found: string[] = []
  for (const e of elements(tree)) {
    const own = (e.tagName === 'script' && typeof e.properties.src === 'string' && /(^|\/)assets\/site\.js$/.test(e.properties.src)) ||
      (e.tagName === 'link' && e.properties.rel?.toString() === 'stylesheet' && /(^|\/)assets\/site\.css$/.test(String(e.properties.href))) ||
      (e.tagName === 'meta' && isHead(e)) ||
      (e.tagName === 'input' && e.properties.id === 'search') ||
      (['input', 'select', 'button'].includes(e.tagName) && page.endsWith('Detection_Rules/index.html')) ||
      (e.tagName === 'input' && e.properties.id === 'matrix-covered-only') ||
      (e.tagName === 'button' && (e.properties.className as string[] | undefined)?.includes('nav-toggle'))
    if (FORBIDDEN.has(e.tagName) && !own) found.push(`<${e.tagName}>`)
    for (const [name, value] of Object.entries(e.properties)) {
      if (/^on/i.test(name)) found.push(`${e.tagName}[${name}]`)
      if (name === 'style') found.push(`${e.tagName}[style]`)
      if (['href', 'src', 'action', 'formAction', 'data', 'poster', 'cite'].includes(name) && typeof value === 'string' && !SAFE_URL.test(value.trim())) found.push(`${e.tagName}[${name}=${value}]`)
      if (name === 'src' && typeof value === 'string' && /^(https?:)?\/\//i.test(value)) found.push(`${e.tagName}[src=${value}] (another host)`)
    }
  }
  return found
}

function isHead(e: Element): boolean {
  return ['charSet', 'name', 'httpEquiv'].some((k) => e.properties[k] !== undefined)
}

describe('a hostile rule', () => {
  const fx = loadFixture('basic', 'hostile')
  const cross = buildCrossLinks(fx.model, fx.catalogue)
  const pages = new Map(fx.cards)
  for (const [path, content] of cross) if (path.startsWith('wiki/') && (!path.startsWith('wiki/Techniques/') || path.includes('T1059'))) pages.set(path.slice(5), content)
  const site = buildSite(pages, fx.model, fx.catalogue, { base: '/' })

  it('is in the wiki (its card was rendered from the rule)', () => {
    expect(pages.get('Detection_Rules/hostile_rule.md')).toContain('<script>window.__pwned=1')
  })

  it('renders inert on every page: no script, handler, frame, form, style or javascript: URL survives', () => {
    for (const [path, content] of site) {
      if (!path.endsWith('.html') || typeof content !== 'string') continue
      expect(problems(parseHtml(content), path), path).toEqual([])
    }
  })

  it('keeps its text as text: the title is shown, escaped', () => {
    const page = site.get('Detection_Rules/hostile_rule.html') as string
    expect(page).toContain('<title>Hostile &lt;script&gt;window.__pwned=1;alert(&quot;title&quot;)&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; · Analytics Wiki</title>')
    // The query block shows the rule text, as text.
    expect(page).toContain("CommandLine|contains: '&lt;script&gt;window.__pwned=15&lt;/script&gt;'")
    const index = site.get('Detection_Rules/index.html') as string
    expect(index).toContain('Hostile &lt;script&gt;window.__pwned=1;alert(&quot;title&quot;)&lt;/script&gt;')
  })

  it('cannot reach the search index as markup: it is JSON data', () => {
    const index = JSON.parse(site.get('assets/search-index.json') as string)
    const doc = index.docs.find((d: string[]) => d[1] === 'hostile_rule')
    expect(doc[2]).toBe('Hostile <script>window.__pwned=1;alert("title")</script><img src=x onerror="window.__pwned=2">')
  })

  it('loads nothing from another host', () => {
    expect(checkLinks(site, { parse: true }).filter((d) => d.code === 'external-asset' || d.code === 'unsafe-link')).toEqual([])
  })

  it('has a Content-Security-Policy on every page that allows only the site’s own script and styles', () => {
    for (const [path, content] of site) {
      if (!path.endsWith('.html') || typeof content !== 'string') continue
      expect(content, path).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">`)
    }
  })
})

describe('any Markdown page content', () => {
  const site = { pages: new Set(['a.md']), files: new Set<string>() }
  const fragments = fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>',
    '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x]( javascript:alert(1))', '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<svg><script>alert(1)</script></svg>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<style>*{}</style>',
    '<details open ontoggle=alert(1)>', '![x](https://evil.example/t.png)', '<img src="//evil.example/t.png">', '<object data=x>',
    '<form action=https://evil.example><input></form>', '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<table><tr><td><ul><li>[ok](a.md)</li></ul></td></tr></table>',
    '| a | b |\n|---|---|\n| <script>x</script> | <b onclick=x>y</b> |', '```\n<script>in code</script>\n```', '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">', '<link rel=stylesheet href=https://evil.example/x.css>',
  )
  it('never yields an element or attribute that runs or loads something', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n\n', ' '), (parts, sep) => {
        const { html } = renderMarkdown(parts.join(sep), 'a.md', site)
        expect(problems(parseHtml(html), 'a.html')).toEqual([])
      }),
      { numRuns: 300, seed: 20261127 },
    )
  })
})
