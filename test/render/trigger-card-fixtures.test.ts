import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import type { AtomicsSource, YamlMap } from '../../src/model.js'
import { renderTriggerCard } from '../../src/render/trigger-card.js'

// Each case: input.yaml (an atomics file), description.txt (ATT&CK description), expected.md.
// UPDATE=1 rewrites expected.md from the current output.
const root = new URL('../fixtures/trigger-card/', import.meta.url).pathname
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()

function atomicsOf(dir: string): AtomicsSource {
  const path = join(dir, 'input.yaml')
  const text = readFileSync(path, 'utf8')
  const doc = (parse(text, { version: '1.1' }) ?? {}) as YamlMap
  return { path, techniqueId: String(doc.attack_technique ?? 'T0000').toUpperCase(), text, doc }
}

describe('renderTriggerCard fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10))
  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name)
      const description = readFileSync(join(dir, 'description.txt'), 'utf8')
      const actual = renderTriggerCard({ atomics: atomicsOf(dir), description })
      const expectedPath = join(dir, 'expected.md')
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, actual)
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
    })
  }
})
