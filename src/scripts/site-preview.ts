/**
 * Development preview of the cross-links and the HTML site over ../shared: the corpus is loaded and linked
 * with the product's own loaders, conversions come from golden/queries.jsonl, and the card pages are the
 * golden wiki (so the site can be judged before the whole pipeline runs). Writes to /tmp/site-preview.
 *
 *   node lib/scripts/site-preview.js [--out DIR] [--base /repo/] [--limit N]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { loadCatalogue } from '../attack/index.js'
import { crossLinkPages } from '../crosslink/index.js'
import { buildSite, checkLinks } from '../site/index.js'
import { goldenModel, goldenPages } from './golden-model.js'
import { sharedDir } from './shared-corpus.js'
import { UnitStore } from '../cache/unit-store.js'
import { toolFingerprint } from '../cache/tool-fingerprint.js'
import type { Diagnostic } from '../diagnostics.js'

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/site-preview' }, base: { type: 'string', default: '/' }, limit: { type: 'string' }, cache: { type: 'string' }, 'parse-check': { type: 'boolean', default: false } } })
const shared = sharedDir()
const time = <T>(label: string, f: () => T): T => {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const result = f()
  const used = process.cpuUsage(cpu)
  console.log(`${label}: ${Math.round(performance.now() - start)} ms (${Math.round((used.user + used.system) / 1000)} ms CPU)`)
  return result
}

const model = time('load + link', () => goldenModel(shared, values.limit ? Number(values.limit) : Infinity))
const catalogue = loadCatalogue()
const store = values.cache ? new UnitStore(values.cache) : undefined
const salt = store ? toolFingerprint() : undefined
const { files: crossLinks, trees } = time('cross-links', () => crossLinkPages(model, catalogue, { siteUrl: 'https://example.github.io/analytics-wiki/', cache: store, cacheSalt: salt }))
const pages = time('read golden wiki', () => goldenPages(shared, new Set(model.rules.map((r) => `${r.source.stem}.md`))))
for (const [path, content] of crossLinks) if (path.startsWith('wiki/')) pages.set(path.slice('wiki/'.length), content)
const downloads = new Map([...crossLinks].filter(([path]) => !path.startsWith('wiki/')))
const siteDiagnostics: Diagnostic[] = []
const site = time(`site (${pages.size} pages${store ? ', cache' : ''})`, () => buildSite(pages, model, catalogue, { base: values.base!, downloads, cache: store, cacheSalt: salt, diagnostics: siteDiagnostics, trees }))
store?.endBuild()
const wikiFiles = new Map([...pages].map(([p, c]) => [`wiki/${p}`, c] as const))
const report = (label: string, list: Diagnostic[]) => {
  const byCode = new Map<string, number>()
  for (const d of list) byCode.set(d.code ?? '?', (byCode.get(d.code ?? '?') ?? 0) + 1)
  console.log(`${label}: ${list.length} findings ${JSON.stringify(Object.fromEntries(byCode))}`)
  for (const d of list.slice(0, 8)) console.log(`  ${d.path}:${d.line}:${d.col}: ${d.message}`)
}
report('links in the wiki pages the site cannot follow (shown as text)', siteDiagnostics)
report('link check (site, recorded links)', time('link check (site)', () => checkLinks(site, { base: values.base })))
if (values['parse-check']) report('link check (site, every page parsed)', time('link check (site, parsed)', () => checkLinks(site, { base: values.base, parse: true })))
report('link check (wiki Markdown, as the site build read it)', time('link check (wiki)', () => checkLinks(new Map([...wikiFiles, ...downloads]))))
if (values['parse-check']) report('link check (wiki Markdown, parsed again)', time('link check (wiki, parsed)', () => checkLinks(new Map([...wikiFiles, ...downloads]), { parse: true })))
const pageCount = [...site.keys()].filter((p) => p.endsWith('.html')).length
console.log(`site files: ${site.size}, HTML pages: ${pageCount}`)
const searchIndex = site.get('assets/search-index.json') ?? ''
console.log(`search index: ${Buffer.byteLength(searchIndex)} bytes, ${gzipSync(searchIndex).length} gzipped, ${JSON.parse(String(searchIndex)).docs.length} entries`)

const out = resolve(values.out!)
rmSync(out, { recursive: true, force: true })
const write = (path: string, content: string | Uint8Array) => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}
for (const [path, content] of site) write(join(out, 'site', path), content)
for (const [path, content] of crossLinks) write(join(out, path), content)
console.log(`wrote ${out} (${wikiFiles.size} wiki pages)`)
