import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/attack/index.js'
import { BUNDLED_MDAST_PATH, bundledMdast, descriptionTexts } from '../../src/site/bundled-mdast.js'
import { parseMarkdown } from '../../src/site/markdown-processor.js'

const withoutPositions = (nodes: unknown) => JSON.parse(JSON.stringify(nodes, (key, value) => (key === 'position' ? undefined : value)))

describe('the bundled parsed ATT&CK descriptions (data/attack-descriptions.mdast.jsonl)', () => {
  const techniques = loadCatalogue().techniques.filter((t) => t.description)

  it('cover both forms of every description in the bundled catalogue (npm run attack:update makes them together)', () => {
    const missing = techniques.flatMap((t) => descriptionTexts(t.description).filter((text) => bundledMdast(text) === undefined).map(() => t.id))
    expect(missing).toEqual([])
    // One entry per distinct text, nothing else.
    const lines = readFileSync(BUNDLED_MDAST_PATH, 'utf8').split('\n').filter(Boolean)
    expect(new Set(lines.map((line) => (JSON.parse(line) as [string])[0])).size).toBe(new Set(techniques.flatMap((t) => descriptionTexts(t.description))).size)
    expect(lines).toHaveLength(new Set(techniques.flatMap((t) => descriptionTexts(t.description))).size)
  })

  it('hand out a fresh copy each time (the pipeline changes the nodes it is given)', () => {
    const text = descriptionTexts(techniques[0]!.description)[0]!
    const first = bundledMdast(text)!
    first.splice(0, first.length)
    expect(bundledMdast(text)!.length).toBeGreaterThan(0)
  })

  it('are what the parser makes of the text now (every 25th technique)', () => {
    for (const t of techniques.filter((_, i) => i % 25 === 0)) {
      for (const text of descriptionTexts(t.description)) expect(bundledMdast(text), t.id).toEqual(withoutPositions(parseMarkdown(text)))
    }
  })

  it('give nothing for a text they do not hold (it is parsed instead)', () => {
    expect(bundledMdast('A description no catalogue has.')).toBeUndefined()
  })
})
