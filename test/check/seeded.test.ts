import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkPaths, FIXTURES, lines } from './run-fixture.js'

// The faults issue 5 lists, each in its own rule, reported at the line and column concerned.
describe('seeded faults', () => {
  const dir = join(FIXTURES, 'seeded')
  const found = lines(checkPaths(dir, ['rules'])).split('\n')
  const at = (file: string, id: string) => found.filter((l) => l.startsWith(`rules/${file}:`) && l.endsWith(`[${id}]`))

  it('bad YAML: the broken flow sequence, nothing else about that file', () => {
    expect(at('broken_yaml.yml', 'yaml-syntax')[0]).toMatch(/^rules\/broken_yaml\.yml:23:\d+: error: invalid YAML: /)
    expect(found.filter((l) => l.startsWith('rules/broken_yaml.yml:') && !l.endsWith('[yaml-syntax]'))).toEqual([])
  })

  it('a condition naming a missing selection: at the name inside the condition', () => {
    expect(at('missing_selection.yml', 'condition-unknown-selection')).toEqual([
      "rules/missing_selection.yml:22:34: error: condition 'filter_legit' is not a selection of this detection; defined: selection [condition-unknown-selection]",
    ])
  })

  it('a misspelled modifier: at the key, with the likely intent', () => {
    expect(at('misspelled_modifier.yml', 'modifier-unknown')).toEqual([
      "rules/misspelled_modifier.yml:19:9: error: unknown modifier 'contain' in 'CommandLine|contain|all', did you mean 'contains'? [modifier-unknown]",
    ])
  })

  it('a revoked technique: at the tag, naming the replacement', () => {
    expect(at('revoked_technique.yml', 'attack-revoked')).toEqual([
      "rules/revoked_technique.yml:15:7: warning: tag 'attack.t1191': T1191 'CMSTP' is revoked by T1218.003, expected attack.t1218.003 (T1218.003 'CMSTP') [attack-revoked]",
    ])
  })

  it('an invalid level: at the value', () => {
    expect(at('invalid_level.yml', 'level-value')).toEqual([
      "rules/invalid_level.yml:25:8: error: level 'hihg' is not valid, expected one of informational, low, medium, high, critical (did you mean 'high'?) [level-value]",
    ])
  })

  it('a duplicated id: at each id, naming the other file', () => {
    expect([...at('duplicate_id_a.yml', 'id-duplicate'), ...at('duplicate_id_b.yml', 'id-duplicate')]).toEqual([
      'rules/duplicate_id_a.yml:2:5: error: id 0d1a8a11-0c0e-4b8e-9f0e-7f3b1a8f1c05 is also used by rules/duplicate_id_b.yml; expected every rule to have its own id [id-duplicate]',
      'rules/duplicate_id_b.yml:2:5: error: id 0d1a8a11-0c0e-4b8e-9f0e-7f3b1a8f1c05 is also used by rules/duplicate_id_a.yml; expected every rule to have its own id [id-duplicate]',
    ])
  })

  it('says nothing about the good rule', () => {
    expect(found.filter((l) => l.startsWith('rules/good.yml:'))).toEqual([])
  })
})
