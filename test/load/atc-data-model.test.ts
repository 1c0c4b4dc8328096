import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readDataNeeded, readEnrichment, readLoggingPolicy } from '../../src/load/atc-data-model.js'
import { floatRepr, pyStr, pyStrip } from '../../src/render/atc-data-py-str.js'
import { parsePyYaml } from '../../src/render/atc-data-py-yaml.js'
import { PyDate, PyDateTime, PyDict } from '../../src/render/atc-data-py-value.js'
import type { DataSource } from '../../src/model.js'

function source(text: string, doc: Record<string, unknown> = {}): DataSource {
  return { path: 'data/DN_1.yml', stem: 'DN_1', text, doc, title: 'DN_1' }
}

describe('readDataNeeded', () => {
  const text = [
    'title: DN_1',
    "author: '@atc_project'",
    'description: >',
    '  Windows process creation log, ',
    '  including command line',
    'loggingpolicy: LP_1',
    'platform: Windows',
    'fields:',
    '  - EventID',
    '  - CommandLine',
    'sample: |',
    '  <Event/>',
    '',
  ].join('\n')

  it('reads every field as the text the card shows', () => {
    const { value, diagnostics } = readDataNeeded(source(text))
    expect(diagnostics).toEqual([])
    expect(value).toEqual({
      title: 'DN_1',
      author: '@atc_project',
      description: 'Windows process creation log,  including command line',
      loggingPolicy: ['LP_1'],
      mitigationPolicy: null,
      references: [],
      platform: 'Windows',
      type: '',
      channel: '',
      provider: '',
      fields: ['EventID', 'CommandLine'],
      sample: '<Event/>\n',
      enrichedSample: null,
    })
  })

  it('turns a literal None logging policy into null', () => {
    expect(readDataNeeded(source('description: d\nloggingpolicy: [None, LP_1, null]\n')).value.loggingPolicy).toEqual([null, 'LP_1', 'None'])
  })

  it('warns where the reference generator would stop, pointing at the key', () => {
    const { value, diagnostics } = readDataNeeded(source('title: DN_1\nfields: EventID\nloggingpolicy:\n'))
    expect(value.fields).toEqual(['E', 'v', 'e', 'n', 't', 'I', 'D'])
    expect(value.loggingPolicy).toEqual([])
    expect(diagnostics.map((d) => [d.line, d.col, d.severity, d.code])).toEqual([
      [1, 1, 'warning', 'atc-missing-field'],
      [2, 1, 'warning', 'atc-field-type'],
      [3, 1, 'warning', 'atc-field-type'],
    ])
    expect(diagnostics[0]!.message).toBe("Data Needed has no 'description', expected one")
    expect(diagnostics[2]!.message).toBe("'loggingpolicy' is empty (null), expected a list")
    expect(diagnostics[1]!.message).toContain("'fields' is a single text, expected a list")
  })

  it('reports a document that is not a map as an error and still returns a view', () => {
    const { value, diagnostics } = readDataNeeded(source('- a\n- b\n'))
    expect(value.title).toBe('')
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'atc-not-map', message: 'Data Needed document is a list, expected a YAML map of fields such as title' })
  })

  it('reports invalid YAML without throwing and falls back to the plain document', () => {
    const { value, diagnostics } = readDataNeeded(source('title: [unclosed\n', { title: 'From doc', description: 'd', loggingpolicy: [] }))
    expect(diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 'error')).toBe(true)
    expect(value.title).toBe('From doc')
  })
})

describe('readLoggingPolicy and readEnrichment', () => {
  it('keeps the sections null when absent or empty', () => {
    expect(readLoggingPolicy(source('title: t\ndescription: d\nconfiguration: ""\n')).value.configuration).toBeNull()
    const enrichment = readEnrichment(source('title: t\ndescription: d\ndata_needed: []\nnew_fields: {a: 1}\n')).value
    expect(enrichment.dataNeeded).toBeNull()
    expect(enrichment.requirements).toBeNull()
    expect(enrichment.newFields).toEqual(['a'])
  })

  it('reads event ids from a map by its keys, like a jinja2 loop', () => {
    expect(readLoggingPolicy(source('description: d\neventID:\n  4688: created\n  4689: exited\n')).value.eventId).toEqual(['4688', '4689'])
  })
})

describe('PyYAML reading', () => {
  const field = (yaml: string) => (parsePyYaml('x.yml', `a: ${yaml}\n`).value as PyDict).get('a')

  it('resolves plain scalars with PyYAML 1.1 rules', () => {
    const cases: Array<[string, string]> = [
      ['y', 'y'],
      ['yes', 'True'],
      ['Off', 'False'],
      ['1e3', '1e3'],
      ['1.0e+3', '1000.0'],
      ['1.0', '1.0'],
      ['-.5', '-.5'],
      ['.5', '0.5'],
      ['017', '15'],
      ['0o17', '0o17'],
      ['0x1F', '31'],
      ['1_000', '1000'],
      ['1:30', '90'],
      ['1:30.5', '90.5'],
      ['12345678901234567890123', '12345678901234567890123'],
      ['~', 'None'],
      ['.inf', 'inf'],
      ['2019-07-09', '2019-07-09'],
      ['2019-7-9', '2019-7-9'],
      ['2019-7-9 3:04:05', '2019-07-09 03:04:05'],
      ['2019-07-09T03:44:58.290314900Z', '2019-07-09 03:44:58.290314+00:00'],
      ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.100000-05:00'],
      ['2019-02-30', '2019-02-30'],
    ]
    for (const [yaml, printed] of cases) expect([yaml, pyStr(field(yaml)!)]).toEqual([yaml, printed])
  })

  it('keeps no line break at the end of a block scalar that ends the file without one', () => {
    expect((parsePyYaml('x.yml', 'a: |\n  x').value as PyDict).get('a')).toBe('x')
    expect((parsePyYaml('x.yml', 'a: |\n  x\n').value as PyDict).get('a')).toBe('x\n')
    expect((parsePyYaml('x.yml', 'a: |\n  x\n  ').value as PyDict).get('a')).toBe('x\n')
    expect((parsePyYaml('x.yml', 'a: >\r\n  x\r\n  y').value as PyDict).get('a')).toBe('x y')
  })

  it('keeps non-string keys out of field lookups', () => {
    const doc = parsePyYaml('x.yml', 'yes: 1\n"yes": 2\n').value as PyDict
    expect(doc.entries.map(([k]) => k)).toEqual([true, 'yes'])
    expect(doc.get('yes')).toBe(2n)
  })
})

describe('Python printing', () => {
  it('prints containers with repr() of their items', () => {
    const dict = new PyDict([
      ['a', [1n, null, true]],
      [1n, "it's"],
      ['q', 'say "hi"\n'],
    ])
    expect(pyStr(dict)).toBe(`{'a': [1, None, True], 1: "it's", 'q': 'say "hi"\\n'}`)
    expect(pyStr([new PyDate(2019, 7, 9), new PyDateTime(new PyDate(2019, 7, 9), 3, 4, 0, 0, -300, false)])).toBe(
      '[datetime.date(2019, 7, 9), datetime.datetime(2019, 7, 9, 3, 4, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))]',
    )
    expect(pyStr(['\x85\u200b', 'tab\t', 'back\\slash', 'both\'"'])).toBe(`['\\x85\\u200b', 'tab\\t', 'back\\\\slash', 'both\\'"']`)
  })

  it('writes floats like Python repr()', () => {
    const cases: Array<[number, string]> = [
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [1.5, '1.5'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [123456789012345678, '1.2345678901234568e+17'],
      [-0, '-0.0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [NaN, 'nan'],
      [-Infinity, '-inf'],
      [1.5e300, '1.5e+300'],
    ]
    for (const [value, text] of cases) expect(floatRepr(value)).toBe(text)
  })

  it('writes floats that read back as the same number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => Object.is(Number(floatRepr(value)), value)))
  })

  it('strips the characters Python counts as white space', () => {
    expect(pyStrip('\x1c\u3000 text \x85\n')).toBe('text')
    expect(pyStrip('\ufefftext')).toBe('\ufefftext')
  })
})
