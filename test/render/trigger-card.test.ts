import fc from 'fast-check'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import type { AtomicsSource, YamlMap } from '../../src/model.js'
import { renderTriggerCard } from '../../src/render/trigger-card.js'
import { anchorOf, attackDescriptionLines, fenceLanguage, platformList, tableCell } from '../../src/render/trigger-format.js'
import { splitLines, stripText } from '../../src/render/trigger-text.js'

function atomics(text: string): AtomicsSource {
  return { path: 'T9999/T9999.yaml', techniqueId: 'T9999', text, doc: parse(text, { version: '1.1' }) as YamlMap }
}

const oneTest = (executor: string, extra = ''): string => `attack_technique: T9999
display_name: Test Technique
atomic_tests:
- name: Only test
  auto_generated_guid: 00000000-0000-4000-8000-000000000001
  description: Does a thing.
  supported_platforms: [linux]
${extra}  executor:
${executor}`

describe('trigger text helpers', () => {
  it('strips ASCII whitespace only, keeping a no-break space', () => {
    expect(stripText(' \t a b \r\n')).toBe('a b')
    expect(stripText('text\u00a0 ')).toBe('text\u00a0')
    expect(stripText('\u00a0text')).toBe('\u00a0text')
  })

  it('splits lines without a trailing empty line', () => {
    expect(splitLines('')).toEqual([])
    expect(splitLines('a\n')).toEqual(['a'])
    expect(splitLines('a\r\n\nb')).toEqual(['a', '', 'b'])
  })
})

describe('trigger format helpers', () => {
  it('makes GitHub-style anchors, dropping punctuation and dashes but keeping hyphens', () => {
    expect(anchorOf('Atomic Test #1: Access /etc/shadow (Local)')).toBe('atomic-test-1-access-etcshadow-local')
    expect(anchorOf("Atomic Test #2: Dump `lsass.exe` — via 'comsvcs' [x] {y} |z|")).toBe('atomic-test-2-dump-lsassexe--via-comsvcs-x-y-z')
    expect(anchorOf('Atomic Test #3: Über_Test ÄÖ')).toBe('atomic-test-3-über_test-äö')
  })

  it('prints platforms like the Atomic Red Team pages: macOS, otherwise capitalised', () => {
    expect(platformList(['windows', 'macos', 'linux'])).toBe('Windows, macOS, Linux')
    expect(platformList(['azure-ad', 'iaas:gcp', 'office-365', 'google-workspace'])).toBe('Azure-ad, Iaas:gcp, Office-365, Google-workspace')
    expect(platformList(['ESXi'])).toBe('Esxi')
  })

  it('names the fence language after the executor', () => {
    expect(fenceLanguage('command_prompt')).toBe('cmd')
    expect(fenceLanguage('manual')).toBe('')
    expect(fenceLanguage('powershell')).toBe('powershell')
  })

  it('escapes backslashes in table cells and prints null as empty', () => {
    expect(tableCell('  C:\\Windows\\Temp ')).toBe('C:&#92;Windows&#92;Temp')
    expect(tableCell(null)).toBe('')
    expect(tableCell('a | b')).toBe('a | b')
  })

  it('quotes the ATT&CK description line by line, unescaping %\\< and escaping ~ in <code>', () => {
    const description = 'Use <code>rm ~/.bash_history</code> or ~ alone.  \n\n  Format %\\<s here.\u00a0'
    expect(attackDescriptionLines(description)).toEqual(['Use <code>rm \\~/.bash_history</code> or ~ alone.', '', 'Format %<s here.\u00a0'])
  })

  it('does not let a <code> span cross a line', () => {
    expect(attackDescriptionLines('<code>a\n~</code> <code>~b</code>')).toEqual(['<code>a', '~</code> <code>\\~b</code>'])
  })
})

describe('renderTriggerCard', () => {
  it('renders the header, description quote, source link and table of contents', () => {
    const card = renderTriggerCard({ atomics: atomics(oneTest('    name: sh\n    command: echo hi\n')), description: 'Line one.\n\nLine two.' })
    expect(card).toBe(`# T9999 - Test Technique

## Description from ATT&CK

> Line one.
> 
> Line two.

[Source](https://attack.mitre.org/techniques/T9999)

## Atomic Tests

- [Atomic Test #1: Only test](#atomic-test-1-only-test)

### Atomic Test #1: Only test

Does a thing.

**Supported Platforms:** Linux

**auto_generated_guid:** \`00000000-0000-4000-8000-000000000001\`

#### Attack Commands: Run with \`sh\`!

\`\`\`sh
echo hi
\`\`\`

`)
  })

  it('renders an empty quote when the description is unknown, and uses the ATT&CK name without display_name', () => {
    const text = oneTest('    name: sh\n    command: echo hi\n').replace('display_name: Test Technique\n', '')
    const card = renderTriggerCard({ atomics: atomics(text), description: undefined, techniqueName: 'From Catalogue' })
    expect(card.startsWith('# T9999 - From Catalogue\n\n## Description from ATT&CK\n\n\n[Source](https://attack.mitre.org/techniques/T9999)\n')).toBe(true)
  })

  it('marks elevation on shell and manual executors', () => {
    const shell = renderTriggerCard({ atomics: atomics(oneTest('    name: bash\n    elevation_required: true\n    command: id\n')), description: '' })
    expect(shell).toContain('#### Attack Commands: Run with `bash`! Elevation Required (e.g. root or admin)\n\n```bash\nid\n```\n')
    const manual = renderTriggerCard({ atomics: atomics(oneTest('    name: manual\n    elevation_required: true\n    steps: |\n      1. Do it.\n')), description: '' })
    expect(manual).toContain('#### Attack Commands: Run it with these steps!  Elevation Required (e.g. root or admin) \n1. Do it.\n\n\n')
  })

  it('shows a cleanup block when the cleanup command is empty but not when it is null', () => {
    const empty = renderTriggerCard({ atomics: atomics(oneTest("    name: sh\n    command: x\n    cleanup_command: ''\n")), description: '' })
    expect(empty).toContain('#### Cleanup Commands\n\n```sh\n\n```\n')
    const none = renderTriggerCard({ atomics: atomics(oneTest('    name: sh\n    command: x\n    cleanup_command:\n')), description: '' })
    expect(none).not.toContain('Cleanup')
  })

  it('runs dependencies with dependency_executor_name when given', () => {
    const deps = `  dependency_executor_name: powershell
  dependencies:
  - description: needs a tool
    prereq_command: exit 0
    get_prereq_command: echo get
`
    const card = renderTriggerCard({ atomics: atomics(oneTest('    name: command_prompt\n    command: dir\n', deps)), description: '' })
    expect(card).toContain('```cmd\ndir\n```\n\n\n#### Dependencies: Run with `powershell`!\n\n##### Description: needs a tool\n\n###### Check Prereq Commands\n\n```powershell\nexit 0\n```\n')
  })

  it('prints input defaults as Ruby would: 0 stays 0, null is empty, yes is true', () => {
    const inputs = `  input_arguments:
    zero: {description: d, type: integer, default: 0}
    none: {description: d, type: string, default: null}
    flag: {description: d, type: string, default: yes}
    float: {description: d, type: float, default: 2.50}
`
    const card = renderTriggerCard({ atomics: atomics(oneTest('    name: sh\n    command: x\n', inputs)), description: '' })
    expect(card).toContain('| zero | d | integer | 0|\n| none | d | string | |\n| flag | d | string | true|\n| float | d | float | 2.5|\n\n#### Attack Commands')
  })

  it('renders something readable for a broken document instead of throwing', () => {
    const card = renderTriggerCard({ atomics: { path: 'x.yaml', techniqueId: 't1000', text: '', doc: {} }, description: 'D' })
    expect(card).toBe('# T1000 - \n\n## Description from ATT&CK\n\n> D\n\n[Source](https://attack.mitre.org/techniques/T1000)\n\n## Atomic Tests\n\n\n')
  })
})

describe('renderTriggerCard on arbitrary input', () => {
  it('never throws, whatever the document holds', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }))
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 3 })),
    })).node
    const test = fc.record(
      {
        name: value,
        description: value,
        supported_platforms: value,
        input_arguments: fc.oneof(value, fc.dictionary(fc.string(), fc.record({ description: value, type: value, default: value }, { requiredKeys: [] }))),
        executor: fc.oneof(value, fc.record({ name: fc.oneof(value, fc.constantFrom('sh', 'manual', 'command_prompt')), command: value, steps: value, cleanup_command: value, elevation_required: value }, { requiredKeys: [] })),
        dependencies: fc.oneof(value, fc.array(fc.record({ description: value, prereq_command: value, get_prereq_command: value }, { requiredKeys: [] }), { maxLength: 2 })),
        dependency_executor_name: value,
      },
      { requiredKeys: [] },
    )
    const doc = fc.oneof(value, fc.record({ attack_technique: value, display_name: value, atomic_tests: fc.oneof(value, fc.array(test, { maxLength: 3 })) }, { requiredKeys: [] }))
    fc.assert(
      fc.property(doc, fc.option(fc.string(), { nil: undefined }), (d, description) => {
        const card = renderTriggerCard({ atomics: { path: 'x.yaml', techniqueId: 'T1000', text: '', doc: d as never }, description })
        expect(card.startsWith('# ')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('renderTriggerCard with tricky plain scalars in the source', () => {
  it('never throws when any field holds a scalar YAML loaders disagree on', () => {
    const tricky = fc.constantFrom('yes', 'y', 'N', 'NuLL', '~', '', '1e3', '08', '0755', '1:30', '1:30.5', '1,000', '-.inf', '.NaN', '+.inf', '.', ':sym',
      ':"q"', '2024-02-30', '2024-1-5', '2001-12-14t21:59:43.10-05:00', '12345678901234567890', '[]', '{}', '!!str 10', '"yes"', '0x_', '0b', '1_000.5')
    const slots = 9
    fc.assert(
      fc.property(fc.array(tricky, { minLength: slots, maxLength: slots }), (v) => {
        const text = `attack_technique: ${v[0]}
display_name: ${v[1]}
atomic_tests:
- name: ${v[2]}
  description: ${v[3]}
  supported_platforms: [${v[4]}]
  input_arguments:
    ${v[5] || 'k'}:
      description: d
      type: string
      default: ${v[6]}
  executor:
    name: sh
    elevation_required: ${v[7]}
    command: x
    cleanup_command: ${v[8]}
`
        const doc = parse(text, { version: '1.1' }) as YamlMap
        const card = renderTriggerCard({ atomics: { path: 'x.yaml', techniqueId: 'T1000', text, doc }, description: 'd' })
        expect(card).toContain('## Atomic Tests')
      }),
      { numRuns: 300 },
    )
  })
})
