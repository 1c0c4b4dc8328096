import { describe, expect, it } from 'vitest'
import { buildCrossLinks, type WikiModel } from '../../src/crosslink/index.js'
import { perRule } from '../../src/crosslink/per-rule.js'
import type { LinkedRule } from '../../src/model.js'
import { buildSite } from '../../src/site/index.js'
import { loadFixture } from '../site/fixture-model.js'

const fx = loadFixture('basic')

/** The same rule as a new object (a process sees one when the rule's file or context changed). */
function renewed(rule: LinkedRule, title?: string): LinkedRule {
  const [first, ...rest] = rule.source.documents
  const documents = title === undefined ? rule.source.documents : [{ ...first, title }, ...rest]
  return { ...rule, source: { ...rule.source, documents } }
}

/** Every output a watching process makes from the model: the cross-link pages, exports and the site. */
function outputs(model: WikiModel): Map<string, unknown> {
  const cross = buildCrossLinks(model, fx.catalogue, { siteUrl: 'https://wiki.example/' })
  const pages = new Map(fx.cards)
  for (const [path, content] of cross) if (path.startsWith('wiki/')) pages.set(path.slice(5), content)
  const site = buildSite(pages, model, fx.catalogue, { base: '/' })
  return new Map([...cross, ...[...site].map(([path, content]): [string, unknown] => [`site/${path}`, content])])
}

describe('parts kept per rule object (watch, serve)', () => {
  it('makes a part once per rule object', () => {
    let made = 0
    const title = perRule((rule) => (made++, rule.source.stem))
    const [a, b] = fx.model.rules
    expect([title(a!), title(a!), title(b!), title(renewed(a!))]).toEqual([a!.source.stem, a!.source.stem, b!.source.stem, a!.source.stem])
    expect(made).toBe(3)
  })

  it('gives after a retitled rule what new rule objects give: the pages that list every rule show the new title', () => {
    const before = outputs(fx.model)
    const [edited, ...others] = fx.model.rules
    const oldTitle = String(edited!.source.documents[0]!.title)
    const title = `${oldTitle} (retitled)`
    // A watching process: the other rules are the objects of the build before, whose rows are kept.
    const kept = outputs({ ...fx.model, rules: [renewed(edited!, title), ...others] })
    const fresh = outputs({ ...fx.model, rules: [renewed(edited!, title), ...others.map((rule) => renewed(rule))] })
    expect([...kept.keys()]).toEqual([...fresh.keys()])
    for (const [path, content] of fresh) expect(kept.get(path), path).toEqual(content)
    const tactic = edited!.links.tactics[0]!.id
    for (const path of ['wiki/Conversion_Status.md', `wiki/Tactics/${tactic}.md`, 'site/Detection_Rules/index.html', 'site/assets/search-index.json']) {
      const text = String(kept.get(path))
      expect(text, path).toContain(title)
      expect(String(before.get(path)), path).not.toContain(title)
    }
  })
})
