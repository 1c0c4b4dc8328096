import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/diagnostics.js'
import { toAtomicsModel } from '../../src/load/atomics-model.js'
import { parseYamlSource } from '../../src/load/yaml-source.js'

const path = 'atomics/T9999/T9999.yaml'
const load = (text: string) => toAtomicsModel(parse(text, { version: '1.1' }), path, { text })
const messages = (text: string) => load(text).diagnostics.map(formatDiagnostic)

const valid = `attack_technique: t9999
display_name: Test
atomic_tests:
- name: First
  auto_generated_guid: 3723ab77-c546-403c-8fb4-bb577033b235
  description: |
    Does a thing.
  supported_platforms: [linux, iaas:aws]
  input_arguments:
    out:
      description: Output path
      type: path
      default: /tmp/x
  executor:
    name: bash
    elevation_required: true
    command: 'cat #{out}'
    cleanup_command: 'rm #{out}'
  dependency_executor_name: sh
  dependencies:
  - description: needs cat
    prereq_command: which cat
    get_prereq_command: echo none
`

describe('toAtomicsModel on a real atomics file', () => {
  it('reads every field without diagnostics', () => {
    const file = new URL('../fixtures/trigger-card/dependencies-no-cleanup/input.yaml', import.meta.url)
    const text = readFileSync(file, 'utf8')
    const { model, diagnostics } = toAtomicsModel(parse(text, { version: '1.1' }), file.pathname, { text })
    expect(diagnostics).toEqual([])
    expect(model.techniqueId).toBe('T1218.002')
    expect(model.tests).toHaveLength(1)
    const [test] = model.tests
    expect(test!.executor.name).toBe('command_prompt')
    expect(test!.dependencyExecutorName).toBe('powershell')
    expect(test!.dependencies[0]!.prereqCommand).toContain('Test-Path')
  })
})

describe('toAtomicsModel', () => {
  it('builds the typed view', () => {
    const { model, diagnostics } = load(valid)
    expect(diagnostics).toEqual([])
    expect(model).toEqual({
      techniqueId: 'T9999',
      displayName: 'Test',
      tests: [{
        name: 'First',
        description: 'Does a thing.\n',
        platforms: ['linux', 'iaas:aws'],
        guid: '3723ab77-c546-403c-8fb4-bb577033b235',
        inputs: [{ name: 'out', description: 'Output path', type: 'path', default: '/tmp/x' }],
        executor: { name: 'bash', elevationRequired: true, command: 'cat #{out}', steps: '', cleanupCommand: 'rm #{out}' },
        dependencyExecutorName: 'sh',
        dependencies: [{ description: 'needs cat', prereqCommand: 'which cat', getPrereqCommand: 'echo none' }],
      }],
    })
  })

  it('keeps input arguments in document order, also with number-like names', () => {
    const text = valid.replace('    out:\n', '    zz:\n      description: z\n      type: string\n    10:\n      description: ten\n      type: integer\n      default: 1\n    out:\n')
    expect(load(text).model.tests[0]!.inputs.map((a) => a.name)).toEqual(['zz', '10', 'out'])
  })

  it('points at the offending key with line and column', () => {
    expect(messages(valid.replace('name: bash', 'name: zsh'))).toEqual([
      `${path}:15:5: error: atomic_tests[0].executor.name: unknown executor 'zsh' (expected one of manual, powershell, sh, bash, command_prompt) [atomics-executor]`,
    ])
    expect(messages(valid.replace('[linux, iaas:aws]', '[linux, amiga]'))).toEqual([
      `${path}:8:32: error: atomic_tests[0].supported_platforms[1]: unknown platform 'amiga' (expected one of windows, macos, linux, office-365, azure-ad, google-workspace, saas, iaas, containers, iaas:gcp, iaas:azure, iaas:aws, esxi) [atomics-platform]`,
    ])
  })

  it('reports a missing command and a missing test description', () => {
    const text = valid.replace("    command: 'cat #{out}'\n", '').replace('  description: |\n    Does a thing.\n', '')
    expect(messages(text)).toEqual([
      `${path}:4:3: error: atomic_tests[0]: missing description [atomics-missing]`,
      `${path}:12:3: error: atomic_tests[0].executor.command: missing command for executor 'bash' [atomics-missing]`,
    ])
  })

  it('warns about unknown fields, bad GUIDs and unknown input types', () => {
    const text = valid
      .replace('3723ab77-c546-403c-8fb4-bb577033b235', 'not-a-guid')
      .replace('type: path', 'type: pathname')
      .replace('  executor:\n', '  notes: hi\n  executor:\n')
    expect(load(text).diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'atomics-unknown-field', 14],
      ['warning', 'atomics-guid', 5],
      ['warning', 'atomics-input-type', 12],
    ])
  })

  it('does not throw on documents of the wrong shape', () => {
    expect(toAtomicsModel(null, path).diagnostics[0]!.message).toBe('expected a mapping with attack_technique, display_name and atomic_tests, got null')
    expect(toAtomicsModel({ attack_technique: 'T1', atomic_tests: 'x' }, path).diagnostics.map((d) => d.message)).toEqual([
      "attack_technique: expected a technique id like T1003 or T1003.001, got 'T1'",
      'display_name: missing display name',
      'atomic_tests: expected a non-empty list of tests, got string "x"',
    ])
    const { model, diagnostics } = toAtomicsModel({ attack_technique: 'T1000', display_name: 'x', atomic_tests: [42, { name: 'n', executor: 'sh' }] }, path)
    expect(model.tests).toHaveLength(1)
    expect(diagnostics.map((d) => d.message)).toContain('atomic_tests[0]: expected a test mapping, got number 42')
    expect(diagnostics.map((d) => d.message)).toContain('atomic_tests[1].executor: expected a mapping with name and command, got string "sh"')
    expect(diagnostics.every((d) => d.line === 1 && d.col === 1)).toBe(true)
  })

  it('uses a parsed source when the caller has one', () => {
    const text = valid.replace('default: /tmp/x', 'default: 1.50')
    const { source } = parseYamlSource(path, text)
    const { model } = toAtomicsModel(parse(text, { version: '1.1' }), path, { source })
    expect(model.tests[0]!.inputs[0]!.default).toBe('1.5')
  })

  it('reads values the way Psych does: yes is true, n stays text, 0 is truthy', () => {
    const text = valid
      .replace('default: /tmp/x', 'default: n')
      .replace('elevation_required: true', 'elevation_required: 0')
      .replace('display_name: Test', 'display_name: yes')
    const { model } = load(text)
    expect(model.displayName).toBe('true')
    expect(model.tests[0]!.inputs[0]!.default).toBe('n')
    expect(model.tests[0]!.executor.elevationRequired).toBe(true)
  })
})
