import { describe, expect, it } from 'vitest'
import { BACKENDS, type Conversion, type RuleLinks } from '../../src/model.js'
import { renderRuleCard } from '../../src/render/rule-card.js'
import { ruleFromYaml } from '../link/rule-from-yaml.js'

const NO_LINKS: RuleLinks = { tactics: [], techniques: [], otherTags: [], dataNeeded: [], triggers: [] }
const conversions = (text = (b: string) => `query for ${b}`): Conversion[] => BACKENDS.map((backend) => ({ backend, text: text(backend), ok: true }))
const row = (card: string, label: string) => card.split('\n').find((l) => l.includes(label))

describe('renderRuleCard', () => {
  const full = ruleFromYaml(
    "title: ' Cats & Dogs '\ndescription: |\n  Detects & reports.\nlevel: high\nstatus: test\nauthor: A & B\nfalsepositives:\n  - x & y\nreferences:\n  - https://e.org/?a=1&b=2\n",
  )

  it('escapes & in parsed fields only, strips the description but not the title', () => {
    const card = renderRuleCard({ rule: full, links: NO_LINKS, conversions: conversions(() => 'a & b') })
    expect(card.startsWith('| Title                    |  Cats &amp; Dogs        |\n|:-------------------------|:------------------|\n')).toBe(true)
    expect(row(card, '**Description**')).toBe('| **Description**          | Detects &amp; reports. |')
    expect(row(card, '**Author**')).toBe('| **Author**               | A &amp; B |')
    expect(row(card, '**False Positives**')).toBe('| **False Positives**      | <ul><li>x &amp; y</li></ul>  |')
    expect(row(card, '**References**')).toBe('| **References**           | <ul><li>[https://e.org/?a=1&amp;b=2](https://e.org/?a=1&amp;b=2)</li></ul>  |')
    expect(card).toContain("```\ntitle: ' Cats & Dogs '\n")
    expect(card).toContain('```\na & b\n```')
  })

  it('uses the "not documented" texts for missing values and links', () => {
    const card = renderRuleCard({ rule: ruleFromYaml('title: t\ndescription: d\n'), links: NO_LINKS, conversions: [] })
    expect(card).toContain(
      [
        "| **ATT&amp;CK Tactic**    |   This Detection Rule wasn't mapped to ATT&amp;CK Tactic yet  |",
        "| **ATT&amp;CK Technique** |  This Detection Rule wasn't mapped to ATT&amp;CK Technique yet  |",
        '| **Data Needed**          |  There is no documented Data Needed for this Detection Rule yet  |',
        '| **Trigger**              |  There is no documented Trigger for this Detection Rule yet  |',
        "| **Severity Level**       |  Severity Level for this Detection Rule wasn't defined yet  |",
        '| **False Positives**      |  There are no documented False Positives for this Detection Rule yet  |',
        "| **Development Status**   |  Development Status wasn't defined for this Detection Rule yet  |",
        '| **References**           |  There are no documented References for this Detection Rule yet  |',
        "| **Author**               |  Author of this Detection Rule haven't introduced himself  |",
        '',
        '',
        '## Detection Rules',
      ].join('\n'),
    )
    expect(card).not.toContain('Other Tags')
  })

  it('prints tactics, techniques (None for unknown ids), Data Needed, triggers and other tags', () => {
    const links: RuleLinks = {
      tactics: [{ id: 'TA0004', name: 'Privilege Escalation', tag: 'attack.privilege-escalation' }],
      techniques: [
        { id: 'T1574.001', name: 'DLL', tag: 'attack.t1574.001' },
        { id: 'T9999', name: null, tag: 'attack.t9999' },
      ],
      otherTags: ['cve.2021-1675', 'attack.s0005'],
      dataNeeded: ['DN_0003_1_windows_sysmon_process_creation'],
      triggers: ['T1574.001'],
    }
    const card = renderRuleCard({ rule: full, links, conversions: [] })
    expect(row(card, 'Tactic')).toBe('| **ATT&amp;CK Tactic**    |  <ul><li>[TA0004: Privilege Escalation](https://attack.mitre.org/tactics/TA0004)</li></ul>  |')
    expect(row(card, 'Technique')).toBe(
      '| **ATT&amp;CK Technique** | <ul><li>[T1574.001: DLL](https://attack.mitre.org/techniques/T1574/001)</li><li>[T9999: None](https://attack.mitre.org/techniques/T9999)</li></ul>  |',
    )
    expect(row(card, '**Data Needed**')).toBe(
      '| **Data Needed**          | <ul><li>[DN_0003_1_windows_sysmon_process_creation](../Data_Needed/DN_0003_1_windows_sysmon_process_creation.md)</li></ul>  |',
    )
    expect(row(card, '**Trigger**')).toBe('| **Trigger**              | <ul><li>[T1574.001: DLL](../Triggers/T1574.001.md)</li></ul>  |')
    expect(card).toContain('| **Author**               | A &amp; B |\n| Other Tags           | <ul><li>cve.2021-1675</li><li>attack.s0005</li></ul> | \n\n## Detection Rules\n')
  })

  it('lays out the raw rule and the backend blocks in backend order with the four-space line and trailing blank lines', () => {
    const rule = ruleFromYaml('title: t\n')
    const card = renderRuleCard({ rule, links: NO_LINKS, conversions: conversions().reverse() })
    const tail = card.slice(card.indexOf('## Detection Rules'))
    const blocks = BACKENDS.map((b) => `\n### ${b}\n    \n\`\`\`\nquery for ${b}\n\`\`\`\n\n`).join('')
    expect(tail).toBe(`## Detection Rules\n\n### Sigma rule\n\n\`\`\`\ntitle: t\n\n\`\`\`\n\n\n\n\n${blocks}\n\n`)
  })

  it('leaves an empty block for a backend that printed nothing', () => {
    const card = renderRuleCard({ rule: ruleFromYaml('title: t\n'), links: NO_LINKS, conversions: [{ backend: 'grep', text: '', ok: false }] })
    expect(card.endsWith('### grep\n    \n```\n\n```\n\n\n\n')).toBe(true)
  })

  it('prints non-string values as Python does and iterates a string list field by character', () => {
    const card = renderRuleCard({ rule: ruleFromYaml('title: 42\nlevel: 3\nfalsepositives: ab\nauthor: [a, b]\n'), links: NO_LINKS, conversions: [] })
    expect(card).toContain('| Title                    | 42       |')
    expect(row(card, '**Severity Level**')).toBe('| **Severity Level**       | 3 |')
    expect(row(card, '**False Positives**')).toBe('| **False Positives**      | <ul><li>a</li><li>b</li></ul>  |')
    expect(row(card, '**Author**')).toBe("| **Author**               | ['a', 'b'] |")
  })
})
