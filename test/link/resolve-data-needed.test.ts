import { describe, expect, it } from 'vitest'
import { resolveDataNeeded } from '../../src/link/index.js'
import { dataNeeded, enrichments, ruleFromYaml } from './rule-from-yaml.js'

const dn = (yaml: string) => resolveDataNeeded(ruleFromYaml(yaml), dataNeeded, enrichments)

const SECURITY = 'logsource:\n  product: windows\n  service: security\n'

describe('resolveDataNeeded: event-ID based rules (per selection)', () => {
  it('matches the event id in the Data Needed title on the same platform and channel', () => {
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: 4624\n    LogonType: 3\n  condition: sel\n`)).toEqual(['DN_0004_4624_windows_account_logon'])
  })
  it('takes every id of a list, and maps inside a list selection', () => {
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: [4625, 4624]\n  condition: sel\n`)).toEqual(['DN_0004_4624_windows_account_logon', 'DN_0057_4625_account_failed_to_logon'])
    expect(dn(`${SECURITY}detection:\n  sel:\n    - EventID: 4624\n    - EventID: 4625\n  condition: sel\n`)).toEqual(['DN_0004_4624_windows_account_logon', 'DN_0057_4625_account_failed_to_logon'])
  })
  it('skips the plain 4688 Data Needed for a selection naming a command line (modifiers removed)', () => {
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: 4688\n    CommandLine|contains: whoami\n  condition: sel\n`)).toEqual(['DN_0002_4688_windows_process_creation_with_commandline'])
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: 4688\n    NewProcessName|endswith: '\\whoami.exe'\n  condition: sel\n`)).toEqual([
      'DN_0001_4688_windows_process_creation',
      'DN_0002_4688_windows_process_creation_with_commandline',
    ])
  })
  it('looks at each selection on its own: the command line in another selection does not count', () => {
    const rule = `${SECURITY}detection:\n  sel:\n    EventID: 4688\n  cmd:\n    CommandLine|contains: whoami\n  condition: sel and cmd\n`
    expect(dn(rule)).toEqual(['DN_0001_4688_windows_process_creation', 'DN_0002_4688_windows_process_creation_with_commandline'])
  })
  it('gives keyword lists and string event ids nothing', () => {
    const rule = 'logsource:\n  product: windows\n  service: system\ndetection:\n  sel:\n    EventID: 7045\n  keywords:\n    - WCE SERVICE\n  condition: sel and keywords\n'
    expect(dn(rule)).toEqual(['DN_0005_7045_windows_service_insatalled'])
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: '4624'\n  condition: sel\n`)).toEqual([])
  })
  it('needs the key to be exactly EventID', () => {
    // `EventID|gt` is not event-ID based: the field-based match applies instead (no Data Needed has that field set).
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID|gt: 4000\n    Foo: 1\n  condition: sel\n`)).toEqual([])
  })
  it('matches only the platform when the logsource has no channel', () => {
    expect(dn('logsource:\n  product: windows\ndetection:\n  sel:\n    EventID: 4697\n  condition: sel\n')).toEqual(['DN_0063_4697_service_was_installed_in_the_system'])
  })
})

describe('resolveDataNeeded: field-based rules (per document)', () => {
  it('keeps Data Needed holding every field, same platform and channel', () => {
    const rule = 'logsource:\n  product: windows\n  service: sysmon\ndetection:\n  sel:\n    Image|endswith: x.exe\n    TargetFilename|contains: y\n  condition: sel\n'
    expect(dn(rule)).toEqual(['DN_0015_11_windows_sysmon_FileCreate'])
  })
  it('uses the platform alone for a category without service', () => {
    const one = 'logsource:\n  product: windows\n  category: registry_set\ndetection:\n  sel:\n    TargetObject|contains: Run\n    Details: x\n  condition: sel\n'
    expect(dn(one)).toEqual(['DN_0017_13_windows_sysmon_RegistryEvent'])
    const all = 'logsource:\n  product: windows\n  category: registry_event\ndetection:\n  sel:\n    TargetObject|contains: Run\n  condition: sel\n'
    expect(dn(all)).toEqual(['DN_0016_12_windows_sysmon_RegistryEvent', 'DN_0017_13_windows_sysmon_RegistryEvent', 'DN_0018_14_windows_sysmon_RegistryEvent'])
  })
  it('for process_creation keeps same-platform Data Needed with process_creation in the title', () => {
    const rule = (fields: string) => `logsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n${fields}  condition: sel\n`
    expect(dn(rule('    Image|endswith: x.exe\n    CommandLine|contains: y\n'))).toEqual([
      'DN_0002_4688_windows_process_creation_with_commandline',
      'DN_0003_1_windows_sysmon_process_creation',
    ])
    expect(dn(rule('    Image|endswith: x.exe\n'))).toEqual([
      'DN_0001_4688_windows_process_creation',
      'DN_0002_4688_windows_process_creation_with_commandline',
      'DN_0003_1_windows_sysmon_process_creation',
    ])
  })
  it('matches every Data Needed of the platform when no field is collected (keywords)', () => {
    expect(dn('logsource:\n  product: linux\ndetection:\n  keywords:\n    - rm /var/log/syslog\n  condition: keywords\n')).toEqual(['DN_0092_unix_generic_syslog'])
  })
  it('scans a list of maps through the older whole-detection way', () => {
    const rule = 'logsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    - Image|endswith: a.exe\n    - CommandLine|contains: b\n  condition: sel\n'
    expect(dn(rule)).toEqual(['DN_0002_4688_windows_process_creation_with_commandline', 'DN_0003_1_windows_sysmon_process_creation'])
  })
  it('quirk: a list holding a number adds the selection name as a field', () => {
    const base = 'logsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    Image|endswith: a.exe\n'
    expect(dn(`${base}  condition: sel\n`)).toHaveLength(3)
    expect(dn(`${base}  numbers:\n    - 1\n    - 2\n  condition: sel and numbers\n`)).toEqual([])
  })
  it('gives nothing without a logsource', () => {
    expect(dn('detection:\n  sel:\n    Image: x\n  condition: sel\n')).toEqual([])
  })
})

describe('resolveDataNeeded: additions and enrichments', () => {
  it('resolves each later document with its own logsource; a first document without logsource does not count', () => {
    const rule = [
      'title: global\ndetection:\n  condition: sel\n',
      `${SECURITY}detection:\n  sel:\n    EventID: 4624\n`,
      'logsource:\n  product: windows\n  service: system\ndetection:\n  sel:\n    EventID: 7045\n',
    ].join('---\n')
    expect(dn(rule)).toEqual(['DN_0004_4624_windows_account_logon', 'DN_0005_7045_windows_service_insatalled'])
  })
  it('counts the first document when it has a logsource', () => {
    const add = '---\nlogsource:\n  product: windows\n  service: system\ndetection:\n  sel:\n    EventID: 7045\n'
    expect(dn(`${SECURITY}detection:\n  sel:\n    EventID: 4625\n  condition: sel\n${add}`)).toEqual([
      'DN_0005_7045_windows_service_insatalled',
      'DN_0057_4625_account_failed_to_logon',
    ])
    // A logsource with none of category/product/service is no logsource.
    expect(dn(`logsource:\n  definition: x\ndetection:\n  sel:\n    EventID: 4625\n  condition: sel\n${add}`)).toEqual(['DN_0005_7045_windows_service_insatalled'])
  })
  it("adds the enrichments' Data Needed first, then sorts and de-duplicates", () => {
    const rule =
      'enrichment:\n  - EN_0002_enrich_sysmon_event_id_1_with_parent_info\n  - EN_0001_cache_sysmon_event_id_1_info\nlogsource:\n  product: linux\ndetection:\n  keywords:\n    - x\n  condition: keywords\n'
    expect(dn(rule)).toEqual(['DN_0003_1_windows_sysmon_process_creation', 'DN_0092_unix_generic_syslog'])
  })
  it('quirk: a single enrichment written as a string is read character by character (matches nothing)', () => {
    expect(dn('enrichment: EN_0001_cache_sysmon_event_id_1_info\nlogsource:\n  product: linux\ndetection:\n  keywords: [x]\n  condition: keywords\n')).toEqual([
      'DN_0092_unix_generic_syslog',
    ])
  })
})

describe('resolveDataNeeded: odd input does not crash', () => {
  it.each([
    ['no detection', `${SECURITY}`],
    ['null selection', `${SECURITY}detection:\n  sel:\n  condition: sel\n`],
    ['string selection', `${SECURITY}detection:\n  sel: EventID\n  condition: sel\n`],
    ['number selection', `${SECURITY}detection:\n  sel: 5\n  condition: sel\n`],
    ['detection is a list', `${SECURITY}detection:\n  - EventID: 4624\n`],
    ['logsource is a string', 'logsource: windows\ndetection:\n  sel:\n    EventID: 4624\n'],
    ['null in a value list', `${SECURITY}detection:\n  sel:\n    Image:\n      - null\n  condition: sel\n`],
  ])('%s', (_name, yaml) => {
    expect(() => dn(yaml)).not.toThrow()
  })
})
