import { existsSync, mkdirSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCrossLinks } from '../../src/crosslink/index.js'
import { buildSite } from '../../src/site/index.js'
import { FIXTURES } from '../site/fixture-model.js'
import { build } from '../../src/build.js'
import { contentOf } from '../../src/write/index.js'
import { mergeConfig } from '../../src/config.js'
import { loadCatalogue } from '../../src/attack/index.js'

const CHROMIUM = '/usr/bin/chromium'
const BASE = '/analytics-wiki/'
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url))
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`skipping the real-browser test of the site: ${CHROMIUM} is missing (apt-get install chromium)`)

/**
 * The fixture wiki (with the hostile rule) as a site, served under a sub-path like GitHub Pages serves a
 * project site. The product's own build makes the cards (and the site, once the build writes one);
 * cross-links and site are added here when the build does not make them yet.
 */
function buildFixtureSite(): Map<string, string | Uint8Array> {
  const basic = join(FIXTURES, 'basic')
  const config = mergeConfig({
    rules: [join(basic, 'rules'), join(FIXTURES, 'hostile/rules')],
    dataNeeded: join(basic, 'data_needed'),
    loggingPolicies: join(basic, 'logging_policies'),
    enrichments: join(basic, 'enrichments'),
    triggers: join(basic, 'triggers'),
    out: join(tmpdir(), 'analytics-wiki-browser-test'),
    base: BASE,
    quiet: true,
  })
  const result = build(config)
  const built = [...result.files].filter(([path]) => path.startsWith('site/'))
  if (built.length) return new Map(built.map(([path, content]) => [path.slice('site/'.length), contentOf(content)]))
  const catalogue = loadCatalogue()
  const model = { rules: result.rules, dataNeeded: result.inputs.dataNeeded, loggingPolicies: result.inputs.loggingPolicies, enrichments: result.inputs.enrichments, atomics: result.inputs.atomics }
  const cross = buildCrossLinks(model, catalogue, { siteUrl: `http://127.0.0.1${BASE}` })
  const pages = new Map<string, string>()
  for (const [path, content] of [...result.files, ...cross]) if (path.startsWith('wiki/') && typeof content === 'string') pages.set(path.slice('wiki/'.length), content)
  const downloads = new Map([...cross].filter(([path]) => !path.startsWith('wiki/')))
  return buildSite(pages, model, catalogue, { base: BASE, downloads })
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', json: 'application/json', csv: 'text/csv' }

function serve(files: Map<string, string | Uint8Array>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    const rel = path.startsWith(BASE) ? path.slice(BASE.length) || 'index.html' : undefined
    const file = rel === undefined ? undefined : files.get(rel.endsWith('/') ? `${rel}index.html` : rel)
    if (file === undefined) {
      res.writeHead(404, { 'content-type': TYPES.html })
      res.end(files.get('404.html'))
      return
    }
    res.writeHead(200, { 'content-type': TYPES[rel!.split('.').pop()!] ?? 'application/octet-stream' })
    res.end(file)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe.skipIf(!hasChromium)('the site in a real browser (Chromium)', () => {
  let server: http.Server
  let browser: Browser
  let origin: string
  const foreign: string[] = []
  const dialogs: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    server = await serve(buildFixtureSite())
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport })
    // Any request to another host is recorded and refused: the site must not need one.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url())
      if (url.origin === origin) return route.continue()
      foreign.push(url.href)
      return route.abort()
    })
    const page = await context.newPage()
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
    await page.goto(`${origin}${BASE}${path}`)
    return page
  }

  it('searches for a rule, opens its card, goes matrix → technique → rule', async () => {
    const page = await open('index.html')
    await expect(page.title()).resolves.toContain('Analytics Wiki')

    await page.fill('#search', 'lsass clone')
    const hit = page.locator('#search-results a', { hasText: 'Potential Credential Dumping Via LSASS Process Clone' })
    await hit.first().waitFor()
    await hit.first().click()
    await page.waitForURL(/Detection_Rules\/proc_creation_win_lsass_process_clone\.html$/)

    // The card: its header table, and a query block with its copy button.
    const header = page.locator('article table').first()
    await expect(header.locator('th').first().textContent()).resolves.toBe('Title')
    await expect(header.locator('td', { hasText: 'Development Status' }).count()).resolves.toBe(1)
    const splunk = page.locator('h3', { hasText: 'splunk' })
    await expect(splunk.count()).resolves.toBe(1)
    const query = page.locator('xpath=//h3[normalize-space()="splunk"]/following-sibling::*[1]//code')
    await expect(query.isVisible()).resolves.toBe(true)
    await expect(query.textContent()).resolves.toContain('lsass.exe')
    await expect(page.locator('.codeblock .copy').count()).resolves.toBeGreaterThanOrEqual(8)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: `${ARTIFACTS}card.png`, fullPage: true })

    await page.click('nav.sidebar >> text=ATT&CK Coverage')
    await page.waitForURL(/Coverage\.html$/)
    await page.click('#matrix a[href="Techniques/T1003.html"]')
    await page.waitForURL(/Techniques\/T1003\.html$/)
    await expect(page.locator('h1').textContent()).resolves.toBe('T1003: OS Credential Dumping')
    await page.click('article a:text("Potential Credential Dumping Via LSASS Process Clone")')
    await page.waitForURL(/Detection_Rules\/proc_creation_win_lsass_process_clone\.html$/)
    await page.context().close()
  }, 120_000)

  it('filters and sorts the rule index', async () => {
    const page = await open('Detection_Rules/index.html')
    const visible = () => page.locator('#rule-index tbody tr:visible').count()
    const all = await visible()
    expect(all).toBeGreaterThan(5)
    await page.selectOption('select[data-filter="level"]', 'critical')
    await expect(visible()).resolves.toBe(1)
    await expect(page.locator('#rule-count').textContent()).resolves.toBe(`1 of ${all} rules`)
    await page.click('button[data-filter="reset"]')
    await page.selectOption('select[data-filter="tactic"]', 'TA0006')
    await expect(visible()).resolves.toBe(2)
    await page.click('th:text("Level")')
    await expect(page.locator('#rule-index tbody tr:visible td:nth-child(2)').first().textContent()).resolves.toBe('critical')
    await page.context().close()
  }, 60_000)

  it('runs nothing a hostile rule carries', async () => {
    const page = await open('Detection_Rules/hostile_rule.html')
    const url = page.url()
    const hrefs = await page.locator('article a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.some((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toBe(false)
    // Hover and click everything the rule's text produced; handlers, had any survived, would fire now.
    // Links are not followed (the card links to Data Needed pages, whose references lead off the site).
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault(), true))
    for (const el of await page.locator('article .table-wrap:first-child td, article .table-wrap:first-child a:not([href^="http"])').all()) {
      await el.hover({ force: true, timeout: 1000 }).catch(() => undefined)
      await el.click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => undefined)
    }
    expect(page.url()).toBe(url)
    await page.fill('#search', 'hostile')
    await page.locator('#search-results a').first().waitFor()
    await expect(page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined()
    await expect(page.locator('article').textContent()).resolves.toContain('Rule content is data.')
    await page.locator('#search').fill('')
    await page.screenshot({ path: `${ARTIFACTS}hostile.png` })
    await page.context().close()
    expect(dialogs).toEqual([])
  }, 60_000)

  it('is readable on a phone: no sideways scrolling of the page, sections behind a menu', async () => {
    const page = await open('Detection_Rules/create_remote_thread_win_powershell_lsass.html', { width: 390, height: 844 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(true)
    await page.click('.nav-toggle')
    await expect(page.locator('body.nav-open').count()).resolves.toBe(1)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${ARTIFACTS}card-phone.png` })
    await page.context().close()
  }, 60_000)

  it('asked no other host for anything and logged no error', () => {
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
  })
})
