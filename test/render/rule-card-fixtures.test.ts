import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/attack/index.js'
import { linkRule } from '../../src/link/index.js'
import { loadDataSources } from '../../src/load/load-data-sources.js'
import { readRule } from '../../src/load/load-rules.js'
import { BACKENDS, type Conversion } from '../../src/model.js'
import { renderRuleCard } from '../../src/render/rule-card.js'

// Real SigmaHQ rules with the cards ATC made of them (see test/fixtures/rule-card/NOTICE). UPDATE=1 rewrites expected.md.
const root = fileURLToPath(new URL('../fixtures/rule-card/', import.meta.url))
const inputs = {
  dataNeeded: loadDataSources(join(root, '_inputs', 'data_needed'), 'Data Needed').items,
  enrichments: [],
  triggerFolders: new Set(readFileSync(join(root, '_inputs', 'trigger-folders.txt'), 'utf8').split('\n').filter(Boolean)),
}
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort()

describe('Detection Rule cards match ATC', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(15))
  it.each(cases)('%s', (name) => {
    const dir = join(root, name)
    const { rule, diagnostics } = readRule(join(dir, 'rule.yml'))
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as Record<string, string>
    const conversions: Conversion[] = BACKENDS.map((backend) => ({ backend, text: queries[backend] ?? '', ok: backend in queries }))
    const card = renderRuleCard({ rule: rule!, links: linkRule(rule!, inputs, loadCatalogue()), conversions })
    const expectedPath = join(dir, 'expected.md')
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, card)
    expect(card).toBe(readFileSync(expectedPath, 'utf8'))
  })
})
