import { describe, expect, it } from 'vitest'
import { loadCatalogue, resolveTags, techniqueUrl } from '../../src/attack/index.js'

describe('resolveTags (bundled catalogue)', () => {
  it('reads a tactic in both spellings', () => {
    const r = resolveTags(['attack.privilege_escalation', 'attack.privilege-escalation', 'attack.command-and-control'])
    expect(r.tactics).toEqual([
      { id: 'TA0004', name: 'Privilege Escalation', tag: 'attack.privilege_escalation' },
      { id: 'TA0004', name: 'Privilege Escalation', tag: 'attack.privilege-escalation' },
      { id: 'TA0011', name: 'Command and Control', tag: 'attack.command-and-control' },
    ])
    expect(r.otherTags).toEqual([])
  })

  it('still resolves legacy tactics that ATT&CK v19 dropped', () => {
    const r = resolveTags(['attack.defense_evasion', 'attack.defense-evasion', 'attack.stealth'])
    expect(r.tactics.map((t) => `${t.id} ${t.name}`)).toEqual(['TA0005 Defense Evasion', 'TA0005 Defense Evasion', 'TA0005 Stealth'])
  })

  it('takes techniques and sub-techniques, upper-casing the id', () => {
    const r = resolveTags(['attack.t1055', 'attack.t1574.001'])
    expect(r.techniques).toEqual([
      { id: 'T1055', name: 'Process Injection', tag: 'attack.t1055' },
      { id: 'T1574.001', name: 'DLL', tag: 'attack.t1574.001' },
    ])
    expect(techniqueUrl('T1574.001')).toBe('https://attack.mitre.org/techniques/T1574/001')
  })

  it('names revoked and deprecated techniques, and gives unknown ids no name', () => {
    const r = resolveTags(['attack.t1191', 'attack.t1026', 'attack.t9999', 'attack.t1055.999'])
    expect(r.techniques.map((t) => [t.id, t.name])).toEqual([
      ['T1191', 'CMSTP'],
      ['T1026', 'Multiband Communication'],
      ['T9999', null],
      ['T1055.999', null],
    ])
  })

  it('puts everything else in other tags, in order and without de-duplication', () => {
    const tags = ['attack.g0016', 'attack.s0005', 'cve.2021-1675', 'attack.T1055', 'attack.no_such_tactic', 'detection.emerging-threats', 'attack.t12345', 'attack.s0005']
    const r = resolveTags(tags)
    expect(r.otherTags).toEqual(tags)
    expect(r.tactics).toEqual([])
    expect(r.techniques).toEqual([])
  })

  it('keeps the order tags are written in within each group', () => {
    const r = resolveTags(['attack.t1003', 'attack.execution', 'car.2019-04-004', 'attack.t1003', 'attack.persistence'])
    expect(r.tactics.map((t) => t.id)).toEqual(['TA0002', 'TA0003'])
    expect(r.techniques.map((t) => t.id)).toEqual(['T1003', 'T1003'])
    expect(r.otherTags).toEqual(['car.2019-04-004'])
  })

  it('prints non-string tags as Python would and files them as other tags', () => {
    expect(resolveTags([1234, null, true]).otherTags).toEqual(['1234', 'None', 'True'])
  })

  it('reads the bundled catalogue once', () => {
    expect(loadCatalogue()).toBe(loadCatalogue())
  })
})
