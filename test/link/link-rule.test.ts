import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/attack/index.js'
import { atcDocuments, linkRule, resolveTriggers } from '../../src/link/index.js'
import { dataNeeded, enrichments, ruleFromYaml } from './rule-from-yaml.js'

describe('resolveTriggers', () => {
  it('keeps techniques with a triggers folder, in tag order, repeats included', () => {
    const t = (id: string) => ({ id, name: null, tag: `attack.${id.toLowerCase()}` })
    expect(resolveTriggers([t('T1003'), t('T9999'), t('T1574.001'), t('T1003')], new Set(['T1003', 'T1574.001']))).toEqual(['T1003', 'T1574.001', 'T1003'])
  })
})

describe('atcDocuments', () => {
  it('turns every & of the text into &amp; before parsing, leaving the text alone', () => {
    const rule = ruleFromYaml('title: Cats & Dogs\ntags:\n  - a&b\ndetection:\n  sel:\n    Cmd&Line: "&x"\n')
    const [doc] = atcDocuments(rule)
    expect(doc).toMatchObject({ title: 'Cats &amp; Dogs', tags: ['a&amp;b'], detection: { sel: { 'Cmd&amp;Line': '&amp;x' } } })
    expect(rule.text).toContain('Cats & Dogs')
    expect(rule.documents[0]!.title).toBe('Cats & Dogs')
  })
  it('escapes the parsed values when the escaped text is no longer YAML (anchors)', () => {
    const rule = ruleFromYaml('title: A & B\nbase: &b {x: 1}\ncopy: *b\n')
    expect(atcDocuments(rule)[0]).toMatchObject({ title: 'A &amp; B', copy: { x: 1 } })
  })
})

describe('linkRule', () => {
  it('links tactics, techniques, other tags, Data Needed and triggers', () => {
    const rule = ruleFromYaml(
      [
        'title: t',
        'tags:',
        '  - attack.credential-access',
        '  - attack.t1003.001',
        '  - attack.t1003',
        '  - attack.s0002',
        '  - a&b',
        'logsource:',
        '  category: process_creation',
        '  product: windows',
        'detection:',
        '  sel:',
        '    CommandLine|contains: sekurlsa',
        '  condition: sel',
        '',
      ].join('\n'),
    )
    const links = linkRule(rule, { dataNeeded, enrichments, triggerFolders: new Set(['T1003.001']) }, loadCatalogue())
    expect(links).toEqual({
      tactics: [{ id: 'TA0006', name: 'Credential Access', tag: 'attack.credential-access' }],
      techniques: [
        { id: 'T1003.001', name: 'LSASS Memory', tag: 'attack.t1003.001' },
        { id: 'T1003', name: 'OS Credential Dumping', tag: 'attack.t1003' },
      ],
      otherTags: ['attack.s0002', 'a&amp;b'],
      dataNeeded: ['DN_0002_4688_windows_process_creation_with_commandline', 'DN_0003_1_windows_sysmon_process_creation'],
      triggers: ['T1003.001'],
    })
  })
  it('copes with a rule without tags or with tags that are not a list', () => {
    const none = linkRule(ruleFromYaml('title: t\n'), { dataNeeded, enrichments, triggerFolders: new Set() }, loadCatalogue())
    expect(none).toEqual({ tactics: [], techniques: [], otherTags: [], dataNeeded: [], triggers: [] })
    const str = linkRule(ruleFromYaml('title: t\ntags: ab\n'), { dataNeeded, enrichments, triggerFolders: new Set() }, loadCatalogue())
    expect(str.otherTags).toEqual(['a', 'b'])
  })
})
