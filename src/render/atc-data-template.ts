import { readFileSync } from 'node:fs'
import { Eta } from 'eta'
import { packagePath } from '../package-root.js'

// Output must match jinja2's default whitespace handling: no escaping, no trimming around tags.
const eta = new Eta({ autoEscape: false, autoTrim: false })
const compiled = new Map<string, (data: object) => string>()

/**
 * The compiled card template `templates/<name>.eta` (found relative to this package, compiled once).
 * Like jinja2, one trailing newline of the template file is not part of the output.
 */
export function atcDataTemplate(name: string): (data: object) => string {
  let render = compiled.get(name)
  if (!render) {
    const url = packagePath('templates', `${name}.eta`)
    const fn = eta.compile(readFileSync(url, 'utf8').replace(/\n$/, ''))
    render = (data) => eta.render(fn, data)
    compiled.set(name, render)
  }
  return render
}
