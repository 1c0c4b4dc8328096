import { describe, expect, it } from 'vitest'
import { renderEnrichmentCard } from '../../src/render/enrichment-card.js'
import type { DataSource } from '../../src/model.js'
import { cardCases, expectedFor } from '../fixtures/atc-data-cards/cases.js'

function source(text: string): DataSource {
  return { path: 'EN_9999_test.yml', stem: 'EN_9999_test', text, doc: {}, title: 'EN_9999_test' }
}

describe('renderEnrichmentCard fixtures', () => {
  for (const testCase of cardCases('en-')) {
    it(testCase.name, () => {
      const actual = renderEnrichmentCard({ source: testCase.source })
      expect(actual).toBe(expectedFor(testCase, actual))
    })
  }
})

describe('renderEnrichmentCard', () => {
  it('prints None for absent or empty lists', () => {
    const card = renderEnrichmentCard({ source: source('title: EN_9999_test\ndescription: d\ndata_needed: []\nauthor: me\nconfig: c\n') })
    expect(card).toContain('| **Data Needed**    | None |\n| **Data to enrich** | None |\n| **References**     | None |\n')
    expect(card).toContain('| **Requirements**   | None |\n| **New fields**     | None |\n')
    expect(card.endsWith('### Config\n\nc')).toBe(true)
  })

  it('links data needed and requirements, keeping the stray > after the requirements list', () => {
    const card = renderEnrichmentCard({ source: source('title: t\ndescription: d\ndata_needed: [DN_1]\nrequirements: [EN_1]\nnew_fields: [a.b]\n') })
    expect(card).toContain('| **Data Needed**    |<ul><li>[DN_1](../Data_Needed/DN_1.md)</li></ul> |\n')
    expect(card).toContain('| **Requirements**   |<ul><li>[EN_1](../Enrichments/EN_1.md)</li></ul>> |\n')
    expect(card).toContain('| **New fields**     |<ul><li>a.b</li></ul> |\n')
  })

  it('prints None for a config that is present but empty, nothing when absent', () => {
    expect(renderEnrichmentCard({ source: source('title: t\ndescription: d\nconfig:\n') }).endsWith('### Config\n\nNone')).toBe(true)
    expect(renderEnrichmentCard({ source: source('title: t\ndescription: d\n') }).endsWith('### Config\n\n')).toBe(true)
  })
})
