import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  catalogueFromCatalog,
  catalogueFromStix,
  loadCatalogue,
  mergeCatalogues,
  resolveTags,
  subTechniquesOf,
  tacticByTag,
  techniqueById,
} from '../../src/attack/index.js'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/attack/${name}`, import.meta.url), 'utf8')) as unknown

describe('bundled catalogue', () => {
  const c = loadCatalogue()
  it('holds the v19 tactics in matrix order, the legacy tactic and every technique id', () => {
    expect(c.tactics.map((t) => t.id)).toEqual(['TA0043', 'TA0042', 'TA0001', 'TA0002', 'TA0003', 'TA0004', 'TA0005', 'TA0112', 'TA0006', 'TA0007', 'TA0008', 'TA0009', 'TA0011', 'TA0010', 'TA0040'])
    expect(c.legacyTactics.map((t) => [t.id, t.name])).toEqual([['TA0005', 'Defense Evasion']])
    expect(c.techniques).toHaveLength(858)
  })
  it('records revocations, parents, platforms and descriptions', () => {
    expect(techniqueById(c, 'T1191')).toMatchObject({ revoked: true, revokedBy: 'T1218.003' })
    expect(techniqueById(c, 'T1574.001')).toMatchObject({ name: 'DLL', parent: 'T1574' })
    expect(techniqueById(c, 'T1055')?.platforms).toContain('Windows')
    expect(techniqueById(c, 'T1055')?.description).toMatch(/^Adversaries may inject code into processes/)
    expect(subTechniquesOf(c, 'T1574').map((t) => t.id)).toContain('T1574.001')
  })
})

describe('catalogueFromStix', () => {
  const { catalogue, errors } = catalogueFromStix(fixture('mini-stix.json'))
  it('orders tactics by the matrix and gives both tag spellings', () => {
    expect(errors).toEqual([])
    expect(catalogue!.source).toBe('ATT&CK STIX bundle v19.1')
    expect(catalogue!.tactics).toEqual([
      { id: 'TA0002', name: 'Execution', shortname: 'execution', tags: ['attack.execution'] },
      { id: 'TA0005', name: 'Stealth', shortname: 'stealth', tags: ['attack.stealth'] },
      { id: 'TA0004', name: 'Privilege Escalation', shortname: 'privilege-escalation', tags: ['attack.privilege_escalation', 'attack.privilege-escalation'] },
    ])
  })
  it('reads techniques: mitre-attack kill chain only, parents, deprecation, revoked-by', () => {
    const t = catalogue!.techniques
    expect(t.map((x) => x.id)).toEqual(['T1026', 'T1055', 'T1055.001', 'T1191', 'T1218.003'])
    expect(t[1]).toEqual({
      id: 'T1055',
      name: 'Process Injection',
      tactics: ['stealth', 'privilege-escalation'],
      parent: null,
      deprecated: false,
      revoked: false,
      revokedBy: null,
      platforms: ['Linux', 'Windows'],
      description: 'Adversaries may inject code into processes.',
    })
    expect(t[2]).toMatchObject({ parent: 'T1055', name: 'Dynamic-link Library Injection' })
    expect(t[0]).toMatchObject({ deprecated: true, revoked: false })
    expect(t[3]).toMatchObject({ revoked: true, revokedBy: 'T1218.003', tactics: [], platforms: [] })
  })
  it('reports what is not a bundle instead of throwing', () => {
    expect(catalogueFromStix({ foo: 1 }).errors[0]).toMatch(/expected a STIX bundle/)
    expect(catalogueFromStix({ objects: [] }).errors).toHaveLength(2)
  })
})

describe('catalogueFromCatalog', () => {
  it('reads the flat catalogue shape with legacy tactics', () => {
    const { catalogue, errors } = catalogueFromCatalog(fixture('mini-catalog.json'))
    expect(errors).toEqual([])
    expect(catalogue!.legacyTactics[0]).toEqual({ id: 'TA0005', name: 'Defense Evasion', shortname: 'defense-evasion', tags: ['attack.defense_evasion', 'attack.defense-evasion'] })
    expect(catalogue!.techniques.map((t) => t.id)).toEqual(['T1191', 'T1218.003'])
    expect(tacticByTag(catalogue!, 'attack.defense-evasion')?.name).toBe('Defense Evasion')
    expect(resolveTags(['attack.defense_evasion', 'attack.stealth', 'attack.t1191'], catalogue!)).toEqual({
      tactics: [
        { id: 'TA0005', name: 'Defense Evasion', tag: 'attack.defense_evasion' },
        { id: 'TA0005', name: 'Stealth', tag: 'attack.stealth' },
      ],
      techniques: [{ id: 'T1191', name: 'CMSTP', tag: 'attack.t1191' }],
      otherTags: [],
    })
  })
  it('names the bad entry', () => {
    const { errors } = catalogueFromCatalog({ tactics: [{ id: 'TA0001' }], techniques: [{ id: 'X1', name: 'bad' }] })
    expect(errors).toEqual([expect.stringMatching(/^tactics\[0\]: expected \{id, name, shortname\}/), expect.stringMatching(/^techniques\[0\]: expected \{id: "T1234"/)])
  })
})

describe('mergeCatalogues', () => {
  it('keeps techniques and tactic tags the new release dropped', () => {
    const previous = catalogueFromCatalog(fixture('mini-catalog.json')).catalogue!
    const next = catalogueFromStix(fixture('mini-stix.json')).catalogue!
    const merged = mergeCatalogues({ ...next, techniques: next.techniques.filter((t) => t.id !== 'T1191') }, previous)
    expect(merged.techniques.map((t) => t.id)).toEqual(['T1026', 'T1055', 'T1055.001', 'T1191', 'T1218.003'])
    expect(techniqueById(merged, 'T1191')?.revokedBy).toBe('T1218.003')
    expect(merged.legacyTactics.map((t) => [t.name, t.tags])).toEqual([['Defense Evasion', ['attack.defense_evasion', 'attack.defense-evasion']]])
    expect(tacticByTag(merged, 'attack.stealth')?.name).toBe('Stealth')
  })
})
