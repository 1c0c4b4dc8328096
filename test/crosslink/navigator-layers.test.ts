import { describe, expect, it } from 'vitest'
import { buildCoverageIndex, type WikiModel } from '../../src/crosslink/index.js'
import { FragmentMemo } from '../../src/crosslink/fragment-memo.js'
import { navigatorLayers, type LayerOptions } from '../../src/crosslink/navigator-layers.js'
import type { LinkedRule } from '../../src/model.js'
import { loadFixture } from '../site/fixture-model.js'

const fx = loadFixture('basic')

function retitled(rule: LinkedRule, title: string): LinkedRule {
  const [first, ...rest] = rule.source.documents
  return { ...rule, source: { ...rule.source, documents: [{ ...first, title }, ...rest] } }
}

/** One build's layers with a memo in `store`: the files, and how many layers were made rather than kept. */
function layers(store: Map<string, unknown>, model: WikiModel, options: LayerOptions) {
  const memo = new FragmentMemo({ get: <T>(key: string) => store.get(key) as T | undefined, put: (key, value) => void store.set(key, value) }, 'layers')
  const index = buildCoverageIndex(model, fx.catalogue)
  let made = 0
  const counting = { text: (key: string, make: () => string) => memo.text(key, () => (made++, make())) } as FragmentMemo
  const files = navigatorLayers(index, options, { memo: counting, base: 'base' })
  memo.save()
  return { files, made, fresh: navigatorLayers(index, options) }
}

describe('Navigator layers kept between builds', () => {
  const [first, ...others] = fx.model.rules
  // A title that moves the rule to the other end of the title order.
  const edited: WikiModel = { ...fx.model, rules: [retitled(first!, `zzz ${String(first!.source.documents[0]!.title)}`), ...others] }

  it('keeps every layer after a title edit when the layers carry no links (they show no title)', () => {
    const store = new Map<string, unknown>()
    const before = layers(store, fx.model, {})
    expect(before.made).toBe(before.files.size)
    const after = layers(store, edited, {})
    expect(after.made).toBe(0)
    expect(after.files).toEqual(after.fresh)
  })

  it('makes again the layers that hold the rule when they link to the site (their links show titles)', () => {
    const store = new Map<string, unknown>()
    const options = { siteUrl: 'https://wiki.example/' }
    layers(store, fx.model, options)
    const after = layers(store, edited, options)
    expect(after.made).toBeGreaterThan(0)
    expect(after.files).toEqual(after.fresh)
    expect(after.files.get('attack-navigator/layer.json')).toContain('zzz ')
  })
})
