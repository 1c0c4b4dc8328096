import { join } from 'node:path'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { buildCrossLinks } from '../../src/crosslink/index.js'
import { FIXTURES, loadFixture } from '../site/fixture-model.js'
import { expectFiles } from '../site/expect-files.js'

const SITE = 'https://wiki.example/analytics/'
const fx = loadFixture('basic')
const files = buildCrossLinks(fx.model, fx.catalogue, { siteUrl: SITE })
const get = (path: string): string => {
  const content = files.get(path)
  if (content === undefined) throw new Error(`no ${path} among ${files.size} files`)
  return content
}

/** The cells of every table row of a Markdown page, as text. */
function tableRows(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
  const text = (node: { value?: string; children?: unknown[] }): string => node.value ?? (node.children ?? []).map((c) => text(c as never)).join('')
  const rows: string[][] = []
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'tableRow') rows.push((node.children as never[]).map(text))
    else for (const child of (node.children ?? []) as never[]) walk(child)
  }
  walk(tree as never)
  return rows
}

describe('buildCrossLinks on the fixture rules', () => {
  it('produces the expected pages, layers and exports (UPDATE=1 regenerates)', () => {
    const picked = [
      'wiki/index.md', 'wiki/Coverage.md', 'wiki/Conversion_Status.md', 'wiki/Tactics/TA0006.md',
      'wiki/Techniques/T1003.md', 'wiki/Techniques/T1003.001.md', 'wiki/Techniques/T1191.md', 'wiki/Techniques/T1218.003.md', 'wiki/Techniques/T1026.md',
      'attack-navigator/layer.json', 'attack-navigator/layer-level-critical.json', 'attack-navigator/layer-platform-windows.json',
      'analytics.csv', 'pivoting.csv', 'rules.json',
    ]
    expectFiles(new Map(picked.map((p) => [p, get(p)])), join(FIXTURES, 'basic/expected/crosslinks'))
  })

  it('has a page for every tactic and every current technique, and one for each id a rule names', () => {
    const tactics = [...files.keys()].filter((p) => p.startsWith('wiki/Tactics/'))
    expect(tactics).toHaveLength(fx.catalogue.tactics.length)
    const active = fx.catalogue.techniques.filter((t) => !t.revoked && !t.deprecated)
    for (const t of active) expect(files.has(`wiki/Techniques/${t.id}.md`), t.id).toBe(true)
    for (const id of ['T1191', 'T1026']) expect(files.has(`wiki/Techniques/${id}.md`), id).toBe(true)
  })

  it('lists on a sub-technique page its rules, their Data Needed and the trigger', () => {
    const page = get('wiki/Techniques/T1003.001.md')
    expect(page).toContain('# T1003.001: OS Credential Dumping: LSASS Memory')
    expect(page).toContain('[Potential Credential Dumping Via LSASS Process Clone](../Detection_Rules/proc_creation_win_lsass_process_clone.md)')
    expect(page).toContain('(../Detection_Rules/create_remote_thread_win_powershell_lsass.md)')
    expect(page).toContain('[DN_0012_8_windows_sysmon_CreateRemoteThread](../Data_Needed/DN_0012_8_windows_sysmon_CreateRemoteThread.md)')
    expect(page).toContain('[T1003.001](../Triggers/T1003.001.md)')
    expect(page).toContain('[T1003: OS Credential Dumping](T1003.md)')
  })

  it('counts on a parent technique the rules of its sub-techniques', () => {
    const page = get('wiki/Techniques/T1003.md')
    expect(page).toContain('2 (1 tagged with T1003, 1 through sub-techniques)')
    expect(page).toMatch(/\[T1003\.001: LSASS Memory\]\(T1003\.001\.md\) \(2 rules\)/)
  })

  it('sends revoked ids to their replacement and marks deprecated ones', () => {
    const revoked = get('wiki/Techniques/T1191.md')
    expect(revoked).toContain('**Revoked**: ATT\\&CK revoked this technique; it is now [T1218.003: System Binary Proxy Execution: CMSTP](T1218.003.md).')
    expect(revoked).toContain('(../Detection_Rules/revoked_technique_tag.md)')
    const replacement = get('wiki/Techniques/T1218.003.md')
    expect(replacement).toContain('1 (0 tagged with T1218.003, 1 through revoked ids)')
    expect(replacement).toContain('[T1191](T1191.md)')
    expect(get('wiki/Techniques/T1026.md')).toContain('**Deprecated**: ATT\\&CK no longer maintains this technique.')
  })

  it('lists on a tactic page its techniques with rule counts and the rules tagged with it', () => {
    const rows = tableRows(get('wiki/Tactics/TA0006.md'))
    expect(rows).toContainEqual(['T1003', 'OS Credential Dumping', '2', '-'])
    expect(rows).toContainEqual(['T1003.001', '↳ LSASS Memory', '2', 'T1003.001'])
    expect(rows.some((r) => r[0] === 'Potential Credential Dumping Via LSASS Process Clone' && r[1] === 'critical')).toBe(true)
  })

  it('shows why a backend has no query on the conversion status page', () => {
    const rows = tableRows(get('wiki/Conversion_Status.md'))
    expect(rows).toContainEqual(['Suspicious SQL Error Messages', 'grep', 'keywords with wildcards are not supported by this backend'])
    expect(rows).toContainEqual(['grep', String(fx.model.rules.length - 1), '1', `${(((fx.model.rules.length - 1) / fx.model.rules.length) * 100).toFixed(1)}%`])
  })

  it('writes ATT&CK Navigator 4.5 layers with scores, links and level metadata', () => {
    const layer = JSON.parse(get('attack-navigator/layer.json'))
    expect(layer.versions).toEqual({ attack: '19', navigator: '5.1.0', layer: '4.5' })
    expect(layer.domain).toBe('enterprise-attack')
    const t = layer.techniques.find((x: { techniqueID: string }) => x.techniqueID === 'T1003.001')
    expect(t.score).toBe(2)
    expect(t.metadata).toEqual([{ name: 'critical', value: '1' }, { name: 'high', value: '1' }])
    expect(t.links[0]).toEqual({ label: 'T1003.001 on the wiki', url: `${SITE}Techniques/T1003.001.html` })
    expect(t.links).toContainEqual({ label: 'Potential Credential Dumping Via LSASS Process Clone', url: `${SITE}Detection_Rules/proc_creation_win_lsass_process_clone.html` })
    expect(layer.techniques.find((x: { techniqueID: string }) => x.techniqueID === 'T1003').showSubtechniques).toBe(true)
    // The revoked id counts for its replacement; the deprecated one is left out.
    expect(layer.techniques.find((x: { techniqueID: string }) => x.techniqueID === 'T1218.003').score).toBe(1)
    expect(layer.techniques.some((x: { techniqueID: string }) => x.techniqueID === 'T1191' || x.techniqueID === 'T1026')).toBe(false)
    expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue)
    const windows = JSON.parse(get('attack-navigator/layer-platform-windows.json'))
    expect(windows.filters).toEqual({ platforms: ['Windows'] })
    const levels = [...files.keys()].filter((p) => p.startsWith('attack-navigator/layer-level-')).sort()
    expect(levels).toEqual(['critical', 'high', 'medium'].map((l) => `attack-navigator/layer-level-${l}.json`))
  })

  it('leaves links out of the layers when no site URL is known', () => {
    const layer = JSON.parse(buildCrossLinks(fx.model, fx.catalogue).get('attack-navigator/layer.json')!)
    expect(layer.techniques.every((t: { links?: unknown }) => t.links === undefined)).toBe(true)
  })

  it('exports analytics.csv in ATC’s shape: tactic × technique × rule × Data Needed × Logging Policy', () => {
    const lines = get('analytics.csv').split('\r\n')
    expect(lines[0]).toBe('customer,tactic,technique,detection_rule,category,platform,type,channel,provider,data_needed,logging policy,enrichment,enrichment requirements,response playbook,response action')
    expect(lines).toContain('-,TA0006: Credential Access,T1003: OS Credential Dumping,Potential Credential Dumping Via LSASS Process Clone,OS Logs,Windows,Applications and Services Logs,Microsoft-Windows-Sysmon/Operational,Microsoft-Windows-Sysmon,DN_0003_1_windows_sysmon_process_creation,LP_0003_windows_sysmon_process_creation,-,-,-,-')
    // A rule without Data Needed still has its rows.
    expect(lines.some((l) => l.startsWith('-,TA0001: Initial Access,T1190: Exploit Public-Facing Application,Suspicious SQL Error Messages,-,-'))).toBe(true)
  })

  it('exports pivoting.csv: one row per Data Needed field', () => {
    const lines = get('pivoting.csv').trimEnd().split('\r\n')
    expect(lines[0]).toBe('field,category,platform,type,channel,provider,data_needed,enrichment,enrichment requirements')
    const fields = fx.model.dataNeeded.reduce((n, d) => n + (Array.isArray(d.doc.fields) ? d.doc.fields.length : 0), 0)
    expect(lines.length - 1).toBeGreaterThanOrEqual(fields)
    expect(lines).toContain('CommandLine,OS Logs,Windows,Applications and Services Logs,Microsoft-Windows-Sysmon/Operational,Microsoft-Windows-Sysmon,DN_0003_1_windows_sysmon_process_creation,,')
  })

  it('exports rules.json with one record per rule', () => {
    const records = JSON.parse(get('rules.json'))
    expect(records).toHaveLength(fx.model.rules.length)
    const sql = records.find((r: { title: string }) => r.title === 'Suspicious SQL Error Messages')
    expect(sql).toMatchObject({
      id: '8a670c6d-7189-4b1c-8017-a417ca84a086',
      card: 'wiki/Detection_Rules/app_sqlinjection_errors.md',
      level: 'high',
      status: 'test',
      tactics: [{ id: 'TA0001', name: 'Initial Access' }],
      techniques: [{ id: 'T1190', name: 'Exploit Public-Facing Application' }],
      dataNeeded: [],
      triggers: [],
      backends: ['powershell', 'es-qs', 'xpack-watcher', 'graylog', 'splunk', 'logpoint'],
      notConverted: [{ backend: 'grep', reason: 'keywords with wildcards are not supported by this backend' }],
    })
  })

  it('is deterministic', () => {
    const again = buildCrossLinks(fx.model, fx.catalogue, { siteUrl: SITE })
    expect([...again]).toEqual([...files])
  })
})

describe('rule text in cross-link pages', () => {
  it('is escaped Markdown: a title with table pipes, emphasis and links stays one cell of text', () => {
    const rule = fx.model.rules.find((r) => r.source.stem === 'proc_creation_win_lsass_process_clone')!
    const title = 'Pipes | *stars* [link](javascript:alert(1)) <b>bold</b> `tick`'
    const hostile = { ...rule, source: { ...rule.source, documents: [{ ...rule.source.documents[0], title }] } }
    const out = buildCrossLinks({ ...fx.model, rules: [hostile] }, fx.catalogue)
    const rows = tableRows(out.get('wiki/Tactics/TA0006.md')!)
    const row = rows.find((r) => r[0].startsWith('Pipes'))!
    expect(row[0]).toBe(title)
    expect(row).toHaveLength(4)
  })
})

describe('buildCrossLinks with a cache', () => {
  it('reuses its result while no input changes, and rebuilds when one does', () => {
    const store = new Map<string, unknown>()
    const cache = { get: <T>(k: string) => store.get(k) as T | undefined, put: <T>(k: string, v: T) => void store.set(k, v) }
    const first = buildCrossLinks(fx.model, fx.catalogue, { siteUrl: SITE, cache })
    expect([...first]).toEqual([...files])
    // The whole result, each page's Markdown (by its tree or its key), and the printed chunks of long tables.
    const pages = [...files.keys()].filter((p) => p.startsWith('wiki/')).length
    const kind = (field: string) => [...store.values()].filter((v) => typeof v === 'object' && v !== null && field in v).length
    const chunks = kind('rows')
    const kept = kind('markdown')
    expect(chunks).toBeGreaterThan(0)
    // Every page is kept whole but the index, coverage and status pages, which are kept by chunks when long.
    expect(kept).toBeGreaterThanOrEqual(pages - 3)
    // And the kept parts of analytics.csv, rules.json and the Navigator layers, in a few shards each.
    const shards = [...store.values()].filter((v) => v instanceof Map).length
    expect(shards).toBeGreaterThanOrEqual(3)
    expect(store.size).toBe(1 + kept + chunks + shards)
    expect([...buildCrossLinks(fx.model, fx.catalogue, { siteUrl: SITE, cache })]).toEqual([...files])
    expect(store.size).toBe(1 + kept + chunks + shards)
    const [rule, ...rest] = fx.model.rules
    const changed = { ...rule, conversions: rule.conversions.map((c) => ({ ...c, ok: false, reason: 'changed' })) }
    const rebuilt = buildCrossLinks({ ...fx.model, rules: [changed, ...rest] }, fx.catalogue, { siteUrl: SITE, cache })
    expect(rebuilt.get('wiki/Conversion_Status.md')).toContain('changed')
    expect([...rebuilt]).toEqual([...buildCrossLinks({ ...fx.model, rules: [changed, ...rest] }, fx.catalogue, { siteUrl: SITE })])
    // A new whole result; only the pages that show conversion outcomes were printed again.
    const reprinted = store.size - (2 + kept + chunks + shards)
    expect(reprinted).toBeGreaterThan(0)
    expect(reprinted).toBeLessThan(pages / 2)
  })

  it('joins rules.json, analytics.csv and the layers from kept parts: a title edit makes only that rule’s parts again, same bytes as made whole', () => {
    const store = new Map<string, unknown>()
    const cache = { get: <T>(k: string) => store.get(k) as T | undefined, put: <T>(k: string, v: T) => void store.set(k, v) }
    const first = buildCrossLinks(fx.model, fx.catalogue, { siteUrl: SITE, cache })
    // Each memo's parts, from its shards (entries `<memo key>-<shard>`).
    const partSets = () => {
      const byMemo = new Map<string, Set<string>>()
      for (const [key, value] of store) {
        if (!(value instanceof Map)) continue
        const memo = key.slice(0, key.lastIndexOf('-'))
        byMemo.set(memo, new Set([...(byMemo.get(memo) ?? []), ...(value as Map<string, string>).keys()]))
      }
      return byMemo
    }
    const before = partSets()
    const layers = [...first.keys()].filter((p) => p.startsWith('attack-navigator/')).length
    // One part per rule for each export, one per layer for the layers.
    expect([...before.values()].map((keys) => keys.size).sort()).toEqual([layers, fx.model.rules.length, fx.model.rules.length].sort())

    const rules = fx.model.rules.map((r) => (r.source.stem === 'app_sqlinjection_errors' ? { ...r, source: { ...r.source, documents: [{ ...r.source.documents[0], title: 'Renamed rule' }] } } : r))
    const edited = buildCrossLinks({ ...fx.model, rules }, fx.catalogue, { siteUrl: SITE, cache })
    const whole = buildCrossLinks({ ...fx.model, rules }, fx.catalogue, { siteUrl: SITE })
    expect([...edited]).toEqual([...whole])
    expect(edited.get('rules.json')).toContain('"title": "Renamed rule"')
    expect(edited.get('attack-navigator/layer.json')).toContain('"label":"Renamed rule"')
    // Each export has exactly one new part; the layers, one for each layer that holds the rule.
    partSets().forEach((after, memo) => {
      const fresh = [...after].filter((k) => !before.get(memo)!.has(k)).length
      if (after.size === layers) {
        expect(fresh).toBeGreaterThanOrEqual(2)
        expect(fresh).toBeLessThan(layers)
      } else {
        expect(after.size).toBe(fx.model.rules.length)
        expect(fresh).toBe(1)
      }
    })
  })
})
