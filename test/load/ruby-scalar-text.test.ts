import { parseDocument, isScalar } from 'yaml'
import { describe, expect, it } from 'vitest'
import { isRubyNil, isRubyTruthy, mayLoadAsNonString, rubyFloatText, rubyScalarText, rubyToS } from '../../src/load/ruby-scalar-text.js'

/** Ruby `to_s` of `value:` written as `source` in a YAML file. */
function text(source: string): string {
  const node = parseDocument(`v: ${source}\n`, { version: '1.1' }).get('v', true)
  return rubyScalarText(isScalar(node) ? node.value : node, isScalar(node) ? node : null)
}

describe('rubyScalarText (Psych semantics)', () => {
  it.each([
    ['yes', 'true'], ['No', 'false'], ['oN', 'true'], ['OFF', 'false'],
    ['y', 'y'], ['n', 'n'], ['Y', 'Y'],
    ['~', ''], ['null', ''], ['NuLL', ''], ['', ''],
    ['0', '0'], ['10', '10'], ['0755', '493'], ['08', '08'], ['0x1F', '31'], ['0b101', '5'], ['1_000', '1000'], ['1,000', '1000'],
    ['12345678901234567890', '12345678901234567890'],
    ['16.0', '16.0'], ['2.50', '2.5'], ['1.', '1.0'], ['.5', '0.5'], ['1.5e+20', '1.5e+20'], ['1e3', '1e3'], ['1.0e5', '1.0e5'],
    ['.inf', 'Infinity'], ['-.Inf', '-Infinity'], ['.NaN', 'NaN'],
    ['1:30', '5400'], ['1:30:15', '5415'],
    ['2024-01-05', '2024-01-05'], ['2024-1-5', '2024-01-05'], ['2024-02-30', '2024-02-30'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-15 02:59:43 +0000'], ['2001-12-14 21:59:43.10 Z', '2001-12-14 21:59:43 UTC'],
    [':sym', 'sym'], [':"quoted sym"', 'quoted sym'],
    ['"yes"', 'yes'], ["'0755'", '0755'], ['!!str 10', '10'],
    ['C:\\Temp', 'C:\\Temp'], ['plain text', 'plain text'],
  ])('%s → %s', (source, expected) => {
    expect(text(source)).toBe(expected)
  })
})

describe('Ruby truthiness and nil', () => {
  const node = (source: string) => parseDocument(`v: ${source}\n`, { version: '1.1' }).get('v', true) as { value: unknown }
  it('treats only nil and false as false', () => {
    expect(isRubyTruthy(node('0').value, node('0') as never)).toBe(true)
    expect(isRubyTruthy(node('n').value, node('n') as never)).toBe(true)
    expect(isRubyTruthy(node('no').value, node('no') as never)).toBe(false)
    expect(isRubyTruthy(node('~').value, node('~') as never)).toBe(false)
    expect(isRubyTruthy('', null)).toBe(true)
  })
  it('knows nil', () => {
    expect(isRubyNil(null)).toBe(true)
    expect(isRubyNil(node('NULL').value, node('NULL') as never)).toBe(true)
    expect(isRubyNil(node('"null"').value, node('"null"') as never)).toBe(false)
  })
})

describe('without the source', () => {
  it('formats JS values like Ruby', () => {
    expect(rubyToS(null)).toBe('')
    expect(rubyToS(true)).toBe('true')
    expect(rubyToS(7)).toBe('7')
    expect(rubyToS(0.25)).toBe('0.25')
    expect(rubyToS(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02')
    expect(rubyToS(['a', 1, null])).toBe('["a", 1, nil]')
  })
  it('prints floats like Float#to_s', () => {
    expect(rubyFloatText(16)).toBe('16.0')
    expect(rubyFloatText(1e15)).toBe('1000000000000000.0')
    expect(rubyFloatText(1e16)).toBe('1.0e+16')
    expect(rubyFloatText(0.0001)).toBe('0.0001')
    expect(rubyFloatText(0.00001)).toBe('1.0e-05')
    expect(rubyFloatText(-2.5e-7)).toBe('-2.5e-07')
  })
  it('flags strings Psych may load as something else', () => {
    expect(mayLoadAsNonString('1,000')).toBe(true)
    expect(mayLoadAsNonString(':x')).toBe(true)
    expect(mayLoadAsNonString('yEs')).toBe(true)
    expect(mayLoadAsNonString('hello')).toBe(false)
  })
})
