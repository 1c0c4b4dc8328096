import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
}

/**
 * A static file server for a built site. `root()` is asked on every request, so a rebuild that swaps the
 * output folder is served at once. Paths never leave the root; folders serve their index.html.
 * `base` is the site base path (`/repo/`): requests under it map to the root.
 */
export function createSiteServer(root: () => string, base = '/'): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      return send(response, 400, 'bad request path')
    }
    if (!path.startsWith(base)) {
      response.writeHead(302, { location: base })
      return response.end()
    }
    const dir = resolve(root())
    let file = resolve(dir, `.${sep}${path.slice(base.length)}`)
    if (file !== dir && !file.startsWith(dir + sep)) return send(response, 403, 'outside the site')
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!existsSync(join(file, 'index.html'))) return listing(response, file, path)
      file = join(file, 'index.html')
    }
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`
    if (!existsSync(file)) return send(response, 404, `not found: ${path}`)
    response.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
    createReadStream(file).pipe(response)
  })
}

function send(response: import('node:http').ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(`${text}\n`)
}

/** A folder without index.html (the wiki alone, before any site is built): its entries as links. */
function listing(response: import('node:http').ServerResponse, dir: string, path: string): void {
  const base = path.endsWith('/') ? path : `${path}/`
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
    .sort()
  const items = names.map((name) => `<li><a href="${escapeHtml(base + encodeURIComponent(name.replace(/\/$/, '')) + (name.endsWith('/') ? '/' : ''))}">${escapeHtml(name)}</a></li>`)
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
  response.end(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(path)}</title><h1>${escapeHtml(path)}</h1><ul>${items.join('')}</ul>\n`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
