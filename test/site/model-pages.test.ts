import { describe, expect, it } from 'vitest'
import { renderMarkdown, renderMarkdownParts } from '../../src/site/markdown-processor.js'
import { dataNeededContent } from '../../src/site/data-needed-content.js'
import { enrichmentContent } from '../../src/site/enrichment-content.js'
import { loggingPolicyContent } from '../../src/site/logging-policy-content.js'
import { ruleCardContent } from '../../src/site/rule-card-content.js'
import { readDataNeeded } from '../../src/load/atc-data-model.js'
import { siteIndexOf } from '../../src/site/site-context.js'
import { triggerContent } from '../../src/site/trigger-content.js'
import { techniqueById } from '../../src/attack/index.js'
import { toAtomicsModel } from '../../src/load/atomics-model.js'
import { loadFixture } from './fixture-model.js'
import { elements as allElements, parseHtml, textOf } from './html-tree.js'

const fx = loadFixture('basic', 'hostile')
const site = siteIndexOf(fx.cards.keys())

describe('renderMarkdownParts', () => {
  const parts = ['Some *emphasis* and `code`.', '# A heading\n\ntext with [a link](https://example.org/)', '- a list\n- of two', 'plain']
  it('gives each fragment the HTML it gets alone, in one pass', () => {
    const { html } = renderMarkdownParts(parts, 'Triggers/T1.md', site)
    expect(html).toEqual(parts.map((p) => renderMarkdown(p, 'Triggers/T1.md', site).html.trim()))
  })

  it('renders fragments one by one when one swallows the break (an unclosed fence)', () => {
    const broken = ['```\nopen fence', 'next *part*']
    const { html } = renderMarkdownParts(broken, 'Triggers/T1.md', site)
    expect(html).toEqual(broken.map((p) => renderMarkdown(p, 'Triggers/T1.md', site).html.trim()))
  })
})

describe('a trigger card made from its atomics file', () => {
  const source = fx.inputs.atomics.find((a) => a.techniqueId === 'T1003.001')!
  const page = 'Triggers/T1003.001.md'
  const markdown = fx.cards.get(page)!
  const content = triggerContent(source, techniqueById(fx.catalogue, 'T1003.001')?.description, page, markdown, site)
  const all = allElements(parseHtml(content.html))
  const elements = (tag: string) => all.filter((e) => e.tagName === tag).map((e) => ({ properties: e.properties, text: textOf(e) }))
  const { model } = toAtomicsModel(source.doc, source.path)

  it('has one section per test, and the list of tests links each of them', () => {
    const headings = elements('h3')
    expect(headings.map((h) => h.text)).toEqual(model.tests.map((t, i) => `Atomic Test #${i + 1}: ${t.name}`))
    const toc = elements('a').filter((a) => String(a.properties.href).startsWith('#'))
    expect(toc.map((a) => String(a.properties.href).slice(1))).toEqual(headings.map((h) => h.properties.id))
    expect(content.ids).toEqual(expect.arrayContaining(headings.map((h) => String(h.properties.id))))
  })

  it('shows every command as code, exactly as written', () => {
    const code = elements('code').map((c) => c.text)
    for (const test of model.tests) if (test.executor.name !== 'manual') expect(code).toContain(`${test.executor.command.trim()}\n`)
  })

  it('renders the descriptions as Markdown and the input defaults as text', () => {
    expect(elements('blockquote')).toHaveLength(1)
    const cells = elements('td').map((c) => c.text)
    expect(cells).toContain('C:\\Windows\\Temp\\lsass_dump.dmp')
    expect(content.title).toBe(`T1003.001 - ${model.displayName}`)
  })
})

describe('a rule card made from the model', () => {
  const rule = fx.model.rules.find((r) => r.links.dataNeeded.length > 0)!
  const page = `Detection_Rules/${rule.source.stem}.md`
  const markdown = fx.cards.get(page)!

  it('links its Data Needed pages and shows every backend block', () => {
    const content = ruleCardContent(rule, page, markdown, site)
    for (const dn of rule.links.dataNeeded) expect(content.links.map((l) => l.target)).toContain(`Data_Needed/${dn}.html`)
    expect(content.ids.slice(0, 2)).toEqual(['detection-rules', 'sigma-rule'])
    expect(content.ids).toHaveLength(2 + rule.conversions.length)
    expect(content.dangling).toEqual([])
  })

  it('reports a Data Needed page the site lacks at the card line that links it', () => {
    const without = siteIndexOf([...fx.cards.keys()].filter((p) => !p.startsWith('Data_Needed/')))
    const content = ruleCardContent(rule, page, markdown, without)
    const line = markdown.split('\n').findIndex((l) => l.startsWith('| **Data Needed**')) + 1
    expect(content.dangling.length).toBe(rule.links.dataNeeded.length)
    expect(content.dangling.every((d) => d.line === line && d.col > 1)).toBe(true)
    expect(content.html).toContain('<span class="dangling"')
  })
})

describe('a page the model cannot make', () => {
  it('is rendered from its card Markdown instead, and the build goes on', async () => {
    const { buildSite } = await import('../../src/site/index.js')
    const [first, ...rest] = fx.model.rules
    // A query that is not text: only the card's code block reads it.
    const broken = { ...first, conversions: first.conversions.map((c) => ({ ...c, text: null })) } as never
    const site = buildSite(fx.cards, { ...fx.model, rules: [broken, ...rest] }, fx.catalogue, { base: '/' })
    const page = site.get(`Detection_Rules/${first.source.stem}.html`) as string
    // The card's own table, parsed from its Markdown (the ATC header row holds the title).
    expect(page).toContain('<th align="left">Title</th>')
    expect(site.get(`Detection_Rules/${rest[0].source.stem}.html`)).toContain('<h2 id="detection-rules">')
  })
})

describe('a Data Needed card made from its file', () => {
  const source = fx.inputs.dataNeeded.find((d) => d.stem === 'DN_0001_4688_windows_process_creation')!
  const page = 'Data_Needed/DN_0001_4688_windows_process_creation.md'
  const markdown = fx.cards.get(page)!
  const sample = readDataNeeded(source).value.sample!

  it('shows the log sample as code, exactly as written, under the heading the wiki links to', () => {
    const content = dataNeededContent(source, page, markdown, site)
    const code = allElements(parseHtml(content.html)).filter((e) => e.tagName === 'code').map((e) => textOf(e))
    expect(code).toEqual([`${sample}\n`])
    expect(content.ids).toEqual(['log-samples', 'raw-log'])
  })

  it('links its Logging Policies, and reports one the site lacks at the card line that links it', () => {
    const policies = readDataNeeded(source).value.loggingPolicy.filter((p) => p !== null)
    expect(policies.length).toBeGreaterThan(0)
    expect(dataNeededContent(source, page, markdown, site).links.map((l) => l.target)).toEqual(policies.map((p) => `Logging_Policies/${p}.html`))
    const without = siteIndexOf([...fx.cards.keys()].filter((p) => !p.startsWith('Logging_Policies/')))
    const content = dataNeededContent(source, page, markdown, without)
    const line = markdown.split('\n').findIndex((l) => l.startsWith('| **Logging Policy**')) + 1
    expect(content.dangling.map((d) => d.line)).toEqual(policies.map(() => line))
  })
})

describe('Logging Policy and Enrichment cards made from their files', () => {
  const elementsOf = (html: string, tag: string) => allElements(parseHtml(html)).filter((e) => e.tagName === tag).map((e) => textOf(e))

  it('render the configuration as Markdown under its heading (its fenced block is code)', () => {
    const source = fx.inputs.loggingPolicies.find((l) => l.stem === 'LP_0001_windows_audit_process_creation')!
    const page = `Logging_Policies/${source.stem}.md`
    const content = loggingPolicyContent(source, page, fx.cards.get(page)!, site)
    expect(content.ids).toContain('configuration')
    expect(elementsOf(content.html, 'h2')).toEqual(['Configuration'])
    expect(elementsOf(content.html, 'code').some((c) => c.startsWith('Computer Configuration >'))).toBe(true)
  })

  it('link the Data Needed an enrichment serves, and show its config', () => {
    const source = fx.inputs.enrichments[0]
    const page = `Enrichments/${source.stem}.md`
    const content = enrichmentContent(source, page, fx.cards.get(page)!, site)
    expect(content.links.map((l) => l.target)).toContain('Data_Needed/DN_0003_1_windows_sysmon_process_creation.html')
    expect(elementsOf(content.html, 'p').some((p) => p.includes('We can use Logstash'))).toBe(true)
  })
})
