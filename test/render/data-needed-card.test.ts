import { describe, expect, it } from 'vitest'
import { renderDataNeededCard } from '../../src/render/data-needed-card.js'
import type { DataSource } from '../../src/model.js'
import { cardCases, expectedFor } from '../fixtures/atc-data-cards/cases.js'

function source(text: string): DataSource {
  return { path: 'DN_9999_test.yml', stem: 'DN_9999_test', text, doc: {}, title: 'DN_9999_test' }
}

describe('renderDataNeededCard fixtures', () => {
  for (const testCase of cardCases('dn-')) {
    it(testCase.name, () => {
      const actual = renderDataNeededCard({ source: testCase.source })
      expect(actual).toBe(expectedFor(testCase, actual))
    })
  }
})

describe('renderDataNeededCard', () => {
  const minimal = 'title: DN_9999_test\ndescription: >\n  Two\n  lines\nloggingpolicy:\n  - None\n  - LP_0001_x\nfields:\n  - EventID\n'

  it('links logging policies by title and marks a literal None as not existing', () => {
    const card = renderDataNeededCard({ source: source(minimal) })
    expect(card).toContain('| **Logging Policy** | <ul><li> Not existing </li><li>[LP_0001_x](../Logging_Policies/LP_0001_x.md)</li></ul> |\n')
    expect(card).toContain('| **Description**    | Two lines |\n')
  })

  it('leaves absent fields empty and omits the Mitigation Policy row and the sample sections', () => {
    const card = renderDataNeededCard({ source: source(minimal) })
    expect(card).toContain('| **Author**         |         |\n')
    expect(card).toContain('| **References**     | <ul></ul> |\n')
    expect(card).not.toContain('Mitigation Policy')
    expect(card.endsWith('| <ul><li>EventID</li></ul> |\n\n\n\n\n\n')).toBe(true)
  })

  it('adds the Mitigation Policy row, wrapping a single title in a list', () => {
    const card = renderDataNeededCard({ source: source(`${minimal}mitigation_policy: MP_0001_x\n`) })
    expect(card).toContain('</ul> |\n| **Mitigation Policy** |<ul><li>[MP_0001_x](../Mitigation_Policies/MP_0001_x.md)</li></ul> |\n| **References**')
  })

  it('shows raw and enriched samples in fenced blocks', () => {
    const card = renderDataNeededCard({ source: source(`${minimal}sample: |\n  raw event\nenriched_sample: |\n  enriched event\n`) })
    expect(card).toContain('## Log Samples\n\n### Raw Log\n\n```\nraw event\n\n```\n')
    expect(card).toContain('### Enriched Log\n\n```\nenriched event\n\n```\n')
  })

  it('skips an empty sample', () => {
    expect(renderDataNeededCard({ source: source(`${minimal}sample: ''\n`) })).not.toContain('Log Samples')
  })

  it('renders a hand-made source from its plain JS document when there is no text', () => {
    const card = renderDataNeededCard({
      source: { path: 'x.yml', stem: 'x', text: '', title: 'DN_1', doc: { title: 'DN_1', description: ' d ', loggingpolicy: 'LP_1', fields: [4688, 1.5] } },
    })
    expect(card).toContain('| Title              | DN_1       |\n')
    expect(card).toContain('<ul><li>[LP_1](../Logging_Policies/LP_1.md)</li></ul>')
    expect(card).toContain('<ul><li>4688</li><li>1.5</li></ul>')
  })

  it('does not depend on the cross-inputs', () => {
    const alone = renderDataNeededCard({ source: source(minimal) })
    const other = source('title: LP_0001_x\ndescription: d\n')
    expect(renderDataNeededCard({ source: source(minimal), loggingPolicies: [other], enrichments: [other], dataNeeded: [other] })).toBe(alone)
  })

  it('does not throw on a document that is not a map', () => {
    expect(renderDataNeededCard({ source: source('- just\n- a list\n') })).toContain('| Title              |        |\n')
  })
})
