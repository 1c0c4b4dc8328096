import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { describe, expect, it } from 'vitest'
import { createConverter } from '../../src/convert/index.js'
import { BACKENDS, type RuleSource, type YamlMap } from '../../src/model.js'
import { pyyamlCustomTags } from '../../src/load/pyyaml-tags.js'

// Each case: rule.yml, expected/<backend>.txt (legacy converter output where it had one), and EXTENDED
// listing the backends whose expected output is this converter's own (UPDATE=1 rewrites only those).
const ROOT = join(import.meta.dirname, '../fixtures/convert')
const UPDATE = process.env['UPDATE'] === '1'
const converters = BACKENDS.map((b) => createConverter(b))

function load(dir: string): RuleSource {
  const text = readFileSync(join(dir, 'rule.yml'), 'utf8')
  const documents = parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })
  return { path: 'rule.yml', stem: 'rule', text, documents: (Array.isArray(documents) ? documents : []).map((d) => d.toJS() as YamlMap) }
}

const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()

describe('converter fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(20))
  for (const name of cases) {
    it(name, () => {
      const dir = join(ROOT, name)
      const source = load(dir)
      const extendedFile = join(dir, 'EXTENDED')
      const extended = new Set(existsSync(extendedFile) ? readFileSync(extendedFile, 'utf8').split('\n').filter(Boolean) : [])
      for (const converter of converters) {
        const file = join(dir, 'expected', `${converter.backend}.txt`)
        const got = converter.convertFile(source).stdout
        if (UPDATE && (!existsSync(file) || extended.has(converter.backend))) {
          writeFileSync(file, got)
          extended.add(converter.backend)
          continue
        }
        expect(got, `${name} / ${converter.backend}`).toBe(readFileSync(file, 'utf8'))
      }
      if (UPDATE && extended.size > 0) writeFileSync(extendedFile, [...extended].sort().join('\n') + '\n')
    })
  }
})
