import { describe, expect, it } from 'vitest'
import { checkSigmaRule } from '../../src/sigma/check-sigma-rule.js'
import { parseSigmaString, sigmaValueKind } from '../../src/sigma/sigma-string.js'

describe('checkSigmaRule', () => {
  it('locates unknown modifiers, bad conditions and unknown references', () => {
    const issues = checkSigmaRule([
      { title: 't', detection: { sel: { 'Image|endswith|bogus': 'x', 'a|i': 'y' }, condition: 'sel and not filter_*' } },
      { title: 'u', detection: { sel: { a: 1 }, condition: 'sel or' } },
      { title: 'c', correlation: {} },
    ])
    expect(issues).toEqual([
      { code: 'unknown-modifier', message: "unknown modifier 'bogus' in 'Image|endswith|bogus'", severity: 'error', path: [0, 'detection', 'sel', 'Image|endswith|bogus'] },
      { code: 'misplaced-modifier', message: "modifier 'i' must follow 're' in 'a|i'", severity: 'error', path: [0, 'detection', 'sel', 'a|i'] },
      { code: 'unknown-search-id', message: "condition refers to 'filter_*', which is not in detection", severity: 'error', path: [0, 'detection', 'condition'], offset: 12 },
      { code: 'condition-syntax', message: 'expression expected at end of condition', severity: 'error', path: [1, 'detection', 'condition'], offset: 6 },
      { code: 'not-convertible', message: 'Sigma correlation rules are recognised but not converted', severity: 'warning', path: [2, 'correlation'] },
    ])
  })
})

describe('Sigma string values', () => {
  it('splits wildcards from text and honours escapes', () => {
    expect(parseSigmaString('C:\\*a*b?\\\\')).toEqual(['C:*a', { wildcard: '*' }, 'b', { wildcard: '?' }, '\\'])
    expect(parseSigmaString('C:\\Windows\\')).toEqual(['C:\\Windows\\'])
  })

  it('classifies values', () => {
    expect(['', 'x', 1, true, null, [], {}].map(sigmaValueKind)).toEqual(['empty', 'string', 'number', 'boolean', 'null', 'list', 'map'])
  })
})
