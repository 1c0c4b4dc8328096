import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml'
import { fastYamlDocuments } from '../../src/load/fast-yaml.js'
import { pyyamlCustomTags } from '../../src/load/pyyaml-tags.js'
import { ScalarIndex } from '../../src/load/scalar-index.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : []
  })
}

/** What the loaders get from the `yaml` package (parseYamlSource); undefined when it reports an error. */
function reference(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags, uniqueKeys: false })
  const list = Array.isArray(docs) ? docs : []
  if (list.some((d) => d.errors.length > 0)) return undefined
  return list.map((d) => d.toJS({ maxAliasCount: 1000 }))
}

const CASES: Record<string, string> = {
  'YAML 1.1 scalars': 'a: yes\nb: n\nc: 0o7\nd: 017\ne: 1_000\nf: 1:30\ng: 1:30.5\nh: .inf\ni: -.inf\nj: .nan\nk: 1e3\nl: 0x1F\nm: 0b101\nn: ~\no: 2024-02-30\np: 2001-12-14t21:59:43.10-05:00\nq: +12\nr: "yes"\ns: .\n',
  'odd keys': 'null: a\n~: b\n1.0: d\ntrue: e\nn: f\nconstructor: f\n__proto__: g\n',
  'PyYAML numbers': 'a: 00000429\nb: 1e3\nc: 1.0e+3\nd: 08\ne: y\n',
  'duplicate keys': 'a: 1\nb: 2\na: 3\n',
  'several documents': 'title: a\n---\ntitle: b\n...\n',
  'empty and comments': '# nothing\n',
  'block scalars': 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n',
  'no final break': 'a: |\n  last',
}

describe('fastYamlDocuments', () => {
  it('gives exactly what the yaml package gives for every fixture file, or declines', () => {
    let compared = 0
    for (const file of yamlFiles(join(repo, 'test/fixtures'))) {
      const text = readFileSync(file, 'utf8')
      const fast = fastYamlDocuments(text)
      if (fast === undefined) continue
      expect(fast, file).toEqual(reference(text))
      compared++
    }
    expect(compared).toBeGreaterThan(50)
  })

  it.each(Object.entries(CASES))('%s', (_name, text) => {
    const fast = fastYamlDocuments(text)
    expect(fast).not.toBeUndefined()
    expect(fast).toEqual(reference(text))
  })

  it.each([
    ['a merge key', 'base: &b {x: 1}\nc:\n  <<: *b\n'],
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a custom tag', 'a: !thing 1\n'],
    ['a collection as a key', '? [a, b]\n: c\n'],
    ['a date as a key', '2020-01-01: c\n'],
    ['a syntax error', 'a: [1, 2\n'],
  ])('declines %s (the yaml package decides)', (_name, text) => {
    expect(fastYamlDocuments(text)).toBeUndefined()
  })
})

function exactNode(root: unknown, steps: (string | number)[]): Node | null {
  let node = root
  for (const step of steps) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
      if (!pair) return null
      node = pair.value
    } else if (isSeq(node) && typeof step === 'number') node = node.items[step]
    else return null
  }
  return (node as Node | null) ?? null
}

describe('ScalarIndex', () => {
  it('finds the same scalar (style and text) as a yaml node lookup, for every path of the trigger fixtures', () => {
    for (const file of yamlFiles(join(repo, 'test/fixtures/trigger-card'))) {
      const text = readFileSync(file, 'utf8')
      const index = ScalarIndex.of(text)
      if (!index) continue
      const root = parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags }) as unknown as { contents: unknown }[]
      const walk = (value: unknown, steps: (string | number)[]) => {
        const node = exactNode(root[0]?.contents ?? null, steps)
        const mine = index.scalarAt(steps)
        const expected = isScalar(node) ? { source: (node as { source?: string }).source, type: node.type } : null
        expect(mine && { source: mine.source, type: mine.type }, `${file} ${JSON.stringify(steps)}`).toEqual(expected && (expected.type === 'PLAIN' ? expected : { ...expected, source: mine?.source }))
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...steps, i]))
        else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) walk(v, [...steps, k])
      }
      walk(reference(text)?.[0], [])
      expect(index.scalarAt(['no such key'])).toBeNull()
    }
  })
})
