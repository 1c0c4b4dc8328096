import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { pyyamlCustomTags } from '../../src/load/pyyaml-tags.js'
import { fastYamlDocuments } from '../../src/load/fast-yaml.js'

// What PyYAML 6 (yaml.safe_load) gives for each plain scalar: the readers must agree with it and with each other.
const CASES: [string, unknown][] = [
  ['.', '.'],
  ['-.5', '-.5'],
  ['1.5', 1.5],
  ['.5', 0.5],
  ['1.', 1],
  ['00000429', '00000429'],
  ['0', 0],
  ['017', 15],
  ['1e3', '1e3'],
  ['1.0e+3', 1000],
  ['y', 'y'],
  ['n', 'n'],
  ['yes', true],
  ['Off', false],
]

describe('PyYAML scalar resolution', () => {
  it.each(CASES)('%j', (text, expected) => {
    const yamlValue = (parseAllDocuments(`v: ${text}\n`, { version: '1.1', customTags: pyyamlCustomTags })[0]!.toJS() as { v: unknown }).v
    const fastValue = (fastYamlDocuments(`v: ${text}\n`)![0] as { v: unknown }).v
    expect(yamlValue).toEqual(expected)
    expect(fastValue).toEqual(expected)
  })
})
