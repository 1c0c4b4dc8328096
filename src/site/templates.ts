import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Eta } from 'eta'
import { packagePath } from '../package-root.js'

export const SITE_TEMPLATES_DIR = packagePath('templates', 'site')

const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], useWith: false, varName: 'it', cache: false })
const compiled = new Map<string, (data: object) => string>()

/** Renders `templates/site/<name>.eta`, compiled once per process; `<%= %>` escapes, `<%~ %>` is for our own HTML. */
export function renderTemplate(name: string, data: object): string {
  let fn = compiled.get(name)
  if (!fn) {
    const source = readFileSync(join(SITE_TEMPLATES_DIR, `${name}.eta`), 'utf8')
    const template = eta.compile(source)
    fn = (d) => template.call(eta, d as Record<string, unknown>)
    compiled.set(name, fn)
  }
  return fn(data)
}

/** A client asset (`templates/site/assets/<name>`), read once. */
const assets = new Map<string, string>()
export function siteAsset(name: string): string {
  let text = assets.get(name)
  if (text === undefined) {
    text = readFileSync(join(SITE_TEMPLATES_DIR, 'assets', name), 'utf8')
    assets.set(name, text)
  }
  return text
}

/** A code block's text as HTML, ending in a newline as a fenced block's does; only `&`, `<` and `>` need escaping there. */
export function codeHtml(text: string): string {
  return `${escapeText(text)}\n`
}

/** Text as HTML element content: only `&`, `<` and `>` need escaping there. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}
