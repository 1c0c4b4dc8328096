import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createSiteServer } from '../../src/serve/serve-site.js'
import { watchBuild } from '../../src/watch/watch-build.js'
import type { IncrementalResult } from '../../src/cache/incremental-build.js'
import { exampleCopy, firstFile } from '../cache/example-copy.js'

function get(port: number, path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 5000 }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body, type: String(res.headers['content-type']) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('serve', () => {
  it('serves the site folder on 127.0.0.1, index pages for folders, nothing outside it', async () => {
    const { dir } = exampleCopy()
    const site = join(dir, 'dist', 'site')
    mkdirSync(join(site, 'rules'), { recursive: true })
    writeFileSync(join(site, 'index.html'), '<h1>home</h1>')
    writeFileSync(join(site, 'rules', 'index.html'), '<h1>rules</h1>')
    writeFileSync(join(dir, 'dist', 'secret.txt'), 'not served')
    const server = createSiteServer(() => site, '/wiki/')
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    const { port, address } = server.address() as AddressInfo
    try {
      expect(address).toBe('127.0.0.1')
      expect(await get(port, '/wiki/')).toMatchObject({ status: 200, body: '<h1>home</h1>', type: 'text/html; charset=utf-8' })
      expect((await get(port, '/wiki/rules/')).body).toBe('<h1>rules</h1>')
      expect((await get(port, '/wiki/missing.html')).status).toBe(404)
      expect((await get(port, '/wiki/..%2fsecret.txt')).status).toBe(403)
      expect((await get(port, '/elsewhere')).status).toBe(302)
      // A folder without index.html lists its entries.
      mkdirSync(join(site, 'wiki'))
      writeFileSync(join(site, 'wiki', 'a <b>.md'), 'card')
      const list = await get(port, '/wiki/wiki/')
      expect(list.status).toBe(200)
      expect(list.body).toContain('href="/wiki/wiki/a%20%3Cb%3E.md">a &#60;b&#62;.md</a>')
    } finally {
      await new Promise((closed) => server.close(closed))
    }
  })

  it('watch rebuilds when a rule changes, then stops when aborted', async () => {
    const { config } = exampleCopy()
    const builds: IncrementalResult[] = []
    const controller = new AbortController()
    let changed: () => void = () => {}
    const rebuilt = new Promise<void>((done) => (changed = done))
    const watching = watchBuild({
      configOf: () => config,
      cacheDir: null,
      report: () => {},
      signal: controller.signal,
      debounceMs: 20,
      onBuild: (result) => {
        builds.push(result)
        if (builds.length === 2) changed()
      },
    })
    const rule = firstFile(config.rules[0]!, '.yml')
    // Edit once the first build is done and the watcher is ready.
    while (builds.length === 0) await new Promise((tick) => setTimeout(tick, 50))
    await new Promise((tick) => setTimeout(tick, 300))
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (watched)'))
    await rebuilt
    controller.abort()
    await watching
    expect(builds[1]!.write!.written).toBe(1)
    expect(builds[1]!.cache!.units - builds[1]!.cache!.reused).toBe(1)
  }, 30_000)
})
