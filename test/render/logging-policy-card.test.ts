import { describe, expect, it } from 'vitest'
import { renderLoggingPolicyCard } from '../../src/render/logging-policy-card.js'
import type { DataSource } from '../../src/model.js'
import { cardCases, expectedFor } from '../fixtures/atc-data-cards/cases.js'

function source(text: string): DataSource {
  return { path: 'LP_9999_test.yml', stem: 'LP_9999_test', text, doc: {}, title: 'LP_9999_test' }
}

describe('renderLoggingPolicyCard fixtures', () => {
  for (const testCase of cardCases('lp-')) {
    it(testCase.name, () => {
      const actual = renderLoggingPolicyCard({ source: testCase.source })
      expect(actual).toBe(expectedFor(testCase, actual))
    })
  }
})

describe('renderLoggingPolicyCard', () => {
  const minimal = 'title: LP_9999_test\ndescription: d\ndefault: Not configured\nvolume: High\neventID:\n  - 4688\n  - 0x10\nreferences:\n  - https://example.org/a\n'

  it('lists event ids as Python prints them', () => {
    expect(renderLoggingPolicyCard({ source: source(minimal) })).toContain('| **EventID**      | <ul><li>4688</li><li>16</li></ul>         |\n')
  })

  it('ends after the table when there is no configuration', () => {
    const card = renderLoggingPolicyCard({ source: source(minimal) })
    expect(card).not.toContain('## Configuration')
    expect(card.endsWith('(https://example.org/a)</li></ul> |\n\n\n\n')).toBe(true)
  })

  it('adds the Configuration section when configuration is not empty', () => {
    const card = renderLoggingPolicyCard({ source: source(`${minimal}configuration: |\n  step 1\n`) })
    expect(card.endsWith('|\n\n\n\n## Configuration\n\nstep 1\n\n\n')).toBe(true)
    expect(renderLoggingPolicyCard({ source: source(`${minimal}configuration: ''\n`) })).not.toContain('## Configuration')
  })

  it('prints booleans and floats the Python way', () => {
    const card = renderLoggingPolicyCard({ source: source('title: t\ndescription: d\ndefault: off\nvolume: 2.50\n') })
    expect(card).toContain('| **Default**      | False ')
    expect(card).toContain('| **Event Volume** | 2.5 ')
  })
})
