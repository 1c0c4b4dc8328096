import { describe, expect, it } from 'vitest'
import { buildCrossLinks } from '../../src/crosslink/index.js'
import type { Diagnostic } from '../../src/diagnostics.js'
import { buildSite, checkLinks } from '../../src/site/index.js'
import { posix } from 'node:path'
import { parseHtmlFacts } from '../../src/site/check-links.js'
import { recordedLinks } from '../../src/site/link-registry.js'
import { elements, parseHtml, textOf } from './html-tree.js'
import { loadFixture } from './fixture-model.js'

const BASE = '/analytics-wiki/'
const fx = loadFixture('basic')
const cross = buildCrossLinks(fx.model, fx.catalogue, { siteUrl: `https://example.github.io${BASE}` })
const pages = new Map(fx.cards)
for (const [path, content] of cross) if (path.startsWith('wiki/')) pages.set(path.slice(5), content)
const downloads = new Map([...cross].filter(([path]) => !path.startsWith('wiki/')))
const diagnostics: Diagnostic[] = []
const site = buildSite(pages, fx.model, fx.catalogue, { base: BASE, downloads, diagnostics })

/** The cards and a few cross-link pages: enough for the tests that build the site again. */
const smallPages = new Map([...pages].filter(([p]) => !p.startsWith('Techniques/') || p.startsWith('Techniques/T1003')))

const html = (path: string): string => {
  const content = site.get(path)
  if (typeof content !== 'string') throw new Error(`no ${path} in the site`)
  return content
}
const links = (path: string) => elements(parseHtml(html(path))).filter((e) => e.tagName === 'a').map((a) => ({ href: String(a.properties.href ?? ''), text: textOf(a) }))

describe('buildSite on the fixture wiki', () => {
  it('has a page for every wiki page, the section indexes, the matrix, search, assets and downloads', () => {
    for (const page of pages.keys()) {
      if (page === 'Coverage.md') continue
      expect(site.has(page.replace(/\.md$/, '.html')), page).toBe(true)
    }
    for (const dir of ['Detection_Rules', 'Data_Needed', 'Logging_Policies', 'Enrichments', 'Triggers', 'Tactics', 'Techniques']) expect(site.has(`${dir}/index.html`), dir).toBe(true)
    for (const path of ['index.html', 'Coverage.html', '404.html', 'assets/site.css', 'assets/site.js', 'assets/search-index.json', 'downloads/attack-navigator/layer.json', 'downloads/analytics.csv', 'downloads/rules.json']) {
      expect(site.has(path), path).toBe(true)
    }
  })

  it('renders a card: its table, raw-HTML list cells, links to site pages and query blocks', () => {
    const page = html('Detection_Rules/create_remote_thread_win_powershell_lsass.html')
    const tree = parseHtml(page)
    const all = elements(tree)
    expect(all.filter((e) => e.tagName === 'table').length).toBeGreaterThan(0)
    expect(all.some((e) => e.tagName === 'td' && elements(e).some((c) => c.tagName === 'li'))).toBe(true)
    const hrefs = links('Detection_Rules/create_remote_thread_win_powershell_lsass.html').map((l) => l.href)
    expect(hrefs).toContain('../Data_Needed/DN_0012_8_windows_sysmon_CreateRemoteThread.html')
    expect(hrefs).toContain('../Triggers/T1003.001.html')
    expect(hrefs).toContain('../Techniques/T1003.001.html')
    expect(hrefs.some((h) => h.endsWith('.md'))).toBe(false)
    const code = all.filter((e) => e.tagName === 'pre')
    expect(code.length).toBeGreaterThanOrEqual(8)
    expect(code.map(textOf).join('\n')).toContain('splunk query for create_remote_thread_win_powershell_lsass')
    expect(all.find((e) => e.tagName === 'title') && textOf(all.find((e) => e.tagName === 'title')!)).toContain('Potential Credential Dumping Attempt Via PowerShell Remote Thread')
  })

  it('gives heading ids GitHub would, so the trigger pages’ table of contents works', () => {
    const page = html('Triggers/T1003.001.html')
    const facts = parseHtmlFacts(page)
    const fragments = facts.links.filter((l) => l.url.startsWith('#')).map((l) => decodeURIComponent(l.url.slice(1)))
    expect(fragments.length).toBeGreaterThan(5)
    for (const f of fragments) expect(facts.ids.has(f), f).toBe(true)
  })

  it('shows what refers to a Data Needed, a Logging Policy, an Enrichment and a trigger', () => {
    const dn = links('Data_Needed/DN_0012_8_windows_sysmon_CreateRemoteThread.html').map((l) => l.text)
    expect(dn).toContain('Potential Credential Dumping Attempt Via PowerShell Remote Thread')
    expect(dn).toContain('Remote Thread Creation Via PowerShell In Uncommon Target')
    const lp = links('Logging_Policies/LP_0007_windows_sysmon_ProcessAccess.html').map((l) => l.text)
    expect(lp).toContain('DN_0014_10_windows_sysmon_ProcessAccess')
    expect(lp).toContain('Potential Credential Dumping Attempt Via PowerShell Remote Thread')
    const trigger = links('Triggers/T1003.001.html').map((l) => l.text)
    expect(trigger).toContain('T1003.001: OS Credential Dumping: LSASS Memory')
    expect(trigger).toContain('Potential Credential Dumping Attempt Via PowerShell Remote Thread')
    const en = html('Enrichments/EN_0001_cache_sysmon_event_id_1_info.html')
    expect(en).toContain('Detection rules that ask for it (0)')
  })

  it('indexes rules for sorting and filtering', () => {
    const rows = elements(parseHtml(html('Detection_Rules/index.html'))).filter((e) => e.tagName === 'tr' && e.properties.dataLevel !== undefined)
    expect(rows).toHaveLength(fx.model.rules.length)
    const clone = rows.find((r) => textOf(r).includes('LSASS Process Clone'))!
    expect(clone.properties).toMatchObject({ dataLevel: 'critical', dataStatus: 'test', dataTactics: 'TA0006', dataProduct: 'windows', dataCategory: 'process_creation' })
  })

  it('links every matrix cell to its technique page', () => {
    const cells = links('Coverage.html').filter((l) => /^Techniques\/T/.test(l.href))
    const parents = fx.catalogue.techniques.filter((t) => !t.revoked && !t.deprecated && !t.parent)
    expect(new Set(cells.map((c) => c.href)).size).toBe(parents.length)
    expect(html('Coverage.html')).toMatch(/class="heat h2"><a href="Techniques\/T1003\.html"/)
  })

  it('prebuilds a search index over titles, descriptions, ids and techniques', () => {
    const index = JSON.parse(html('assets/search-index.json'))
    const rule = index.docs.find((d: string[]) => d[0] === 'r' && d[1] === 'proc_creation_win_lsass_process_clone')
    expect(rule).toEqual(['r', 'proc_creation_win_lsass_process_clone', 'Potential Credential Dumping Via LSASS Process Clone', 'c8da0dfd-4ed0-4b68-962d-13c9c884384e', expect.stringContaining('LSASS process process clone'), 'T1003 T1003.001 TA0006', 'critical'])
    expect(index.docs.some((d: string[]) => d[0] === 't' && d[3] === 'T1059.001')).toBe(true)
    expect(index.docs.some((d: string[]) => d[0] === 'g' && d[1] === 'T1218.011')).toBe(true)
    expect(index.kinds.r).toEqual({ label: 'Rule', dir: 'Detection_Rules' })
  })

  it('has no broken internal link, and the recorded links are the ones the pages hold', () => {
    const recorded = checkLinks(site)
    const parsed = checkLinks(site, { parse: true, base: BASE })
    expect(recorded.filter((d) => d.code !== 'broken-fragment')).toEqual([])
    expect(parsed.filter((d) => d.code !== 'broken-fragment')).toEqual([])
    for (const [path, content] of site) {
      if (!path.endsWith('.html') || path === '404.html' || typeof content !== 'string') continue
      const fromHtml = new Set(parseHtmlFacts(content).links
        .filter((l) => !/^[a-z]+:|^#|^\//i.test(l.url))
        .map((l) => posix.normalize(posix.join(posix.dirname(path), decodeURIComponent(l.url.split('#')[0])))))
      const fromRecord = new Set(recordedLinks(site, path, content)!.links.filter((l) => l.target !== '').map((l) => l.target))
      expect([...fromHtml].sort(), path).toEqual([...fromRecord].sort())
    }
  })

  it('checks the wiki Markdown from what the site build read, with the result a fresh parse gives', () => {
    const more = new Map(smallPages).set('Data_Needed/extra.md', '# Extra\n\n[gone](../Nowhere/x.md) [ok](DN_0012_8_windows_sysmon_CreateRemoteThread.md) ![img](pic.png)\n\n[def]: ../Missing.md\n')
    buildSite(more, fx.model, fx.catalogue, { base: BASE, downloads })
    const wiki = new Map<string, string>([...more].map(([p, c]) => [`wiki/${p}`, c]))
    for (const [p, c] of downloads) wiki.set(p, c)
    const fast = checkLinks(wiki)
    expect(fast).toEqual(checkLinks(wiki, { parse: true }))
    expect(fast.filter((d) => d.path === 'wiki/Data_Needed/extra.md').map((d) => d.message)).toEqual([
      'broken link: ../Nowhere/x.md (no file wiki/Nowhere/x.md)',
      'broken link: pic.png (no file wiki/Data_Needed/pic.png)',
      'broken link: ../Missing.md (no file wiki/Missing.md)',
    ])
  })

  it('loads nothing from another host and links only relatively (the 404 page under the base)', () => {
    for (const [path, content] of site) {
      if (!path.endsWith('.html') || typeof content !== 'string') continue
      const all = elements(parseHtml(content))
      for (const e of all) {
        for (const attr of ['src', 'href'] as const) {
          const value = e.properties[attr]
          if (typeof value !== 'string') continue
          if ((e.tagName === 'a' && /^(https?:|mailto:)/.test(value)) || value.startsWith('#')) continue
          if (path === '404.html') expect(value.startsWith(BASE), `${path} ${value}`).toBe(true)
          else expect(/^[a-z]+:|^\//i.test(value), `${path}: <${e.tagName} ${attr}="${value}">`).toBe(false)
        }
      }
    }
  })

  it('reports links the site cannot follow and shows them as text', () => {
    const found: Diagnostic[] = []
    const more = new Map(smallPages).set('Data_Needed/extra.md', '# Extra\n\nSee [the policy](../Logging_Policies/None.md) and [DN_0012](DN_0012_8_windows_sysmon_CreateRemoteThread.md#log-samples).\n')
    const out = buildSite(more, fx.model, fx.catalogue, { base: BASE, downloads, diagnostics: found })
    expect(found.filter((d) => d.path === 'wiki/Data_Needed/extra.md')).toEqual([{ path: 'wiki/Data_Needed/extra.md', line: 3, col: 5, severity: 'warning', message: 'link to ../Logging_Policies/None.md has no page on the site (Logging_Policies/None.md); it is shown as plain text', code: 'dangling-link' }])
    const page = out.get('Data_Needed/extra.html') as string
    expect(page).toContain('<span class="dangling" title="not on this site: ../Logging_Policies/None.md">the policy</span>')
    expect(page).toContain('<a href="DN_0012_8_windows_sysmon_CreateRemoteThread.html#log-samples">DN_0012</a>')
  })

  it('is deterministic, and a page cache gives the same site', () => {
    const store = new Map<string, unknown>()
    const cache = { get: <T>(k: string) => store.get(k) as T | undefined, put: <T>(k: string, v: T) => void store.set(k, v) }
    const plain = buildSite(smallPages, fx.model, fx.catalogue, { base: BASE, downloads })
    const first = buildSite(smallPages, fx.model, fx.catalogue, { base: BASE, downloads, cache })
    const second = buildSite(smallPages, fx.model, fx.catalogue, { base: BASE, downloads, cache })
    expect([...first]).toEqual([...plain])
    expect([...second]).toEqual([...plain])
    // Rule cards are made from the model (cheap, never cached); the coverage page is the matrix.
    expect(store.size).toBe([...smallPages.keys()].filter((p) => p !== 'Coverage.md' && !p.startsWith('Detection_Rules/')).length)
  })

  it('re-renders a cached page when a page it links to appears', () => {
    const store = new Map<string, unknown>()
    const cache = { get: <T>(k: string) => store.get(k) as T | undefined, put: <T>(k: string, v: T) => void store.set(k, v) }
    const extra = '# Extra\n\nSee [the policy](../Logging_Policies/None.md).\n'
    const before = buildSite(new Map(smallPages).set('Data_Needed/extra.md', extra), fx.model, fx.catalogue, { base: BASE, downloads, cache })
    expect(before.get('Data_Needed/extra.html')).toContain('<span class="dangling"')
    const more = new Map(smallPages).set('Data_Needed/extra.md', extra).set('Logging_Policies/None.md', '# None\n')
    const after = buildSite(more, fx.model, fx.catalogue, { base: BASE, downloads, cache })
    expect(after.get('Data_Needed/extra.html')).toContain('<a href="../Logging_Policies/None.html">the policy</a>')
  })
})
