import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { convertCommand } from '../../src/commands/convert.js'
import { createConverter, ConverterSetupError } from '../../src/convert/index.js'
import { BACKENDS, type RuleSource, type YamlMap } from '../../src/model.js'

const rule = (...documents: YamlMap[]): RuleSource => ({ path: 'r.yml', stem: 'r', text: '', documents })
const proc = (detection: YamlMap, extra: YamlMap = {}): YamlMap => ({
  title: 'T', id: 'id-1', description: 'D', logsource: { category: 'process_creation', product: 'windows' }, detection, ...extra,
})

describe('createConverter', () => {
  it('returns the card text (stdout minus one newline) and ok', () => {
    const c = createConverter('es-qs').convert(rule(proc({ sel: { 'Image|endswith': '\\a.exe' }, condition: 'sel' })))
    expect(c).toEqual({ backend: 'es-qs', text: 'winlog.event_data.Image.keyword:*\\\\a.exe', ok: true })
  })

  it('reports rules it cannot convert as one comment line', () => {
    const c = createConverter('splunk').convert(rule(proc({ sel: { 'CommandLine|re': 'a.*b' }, condition: 'sel' })))
    expect(c).toEqual({ backend: 'splunk', text: '# not convertible to splunk: re modifier', ok: false, reason: 're modifier' })
    const bad = createConverter('grep').convert(rule(proc({ sel: { 'x|bogus': 'a' }, condition: 'sel' })))
    expect(bad.ok).toBe(false)
    expect(bad.text).toBe("# not convertible to grep: x|bogus: unknown modifier 'bogus'")
    const syntax = createConverter('grep').convert(rule(proc({ sel: { x: 1 }, condition: 'sel and' })))
    expect(syntax.text).toBe('# not convertible to grep: condition: expression expected at end of condition at offset 7')
  })

  it('does not convert Sigma 2 correlation rules', () => {
    const c = createConverter('es-qs').convert(rule({ title: 'c', correlation: { type: 'event_count', rules: ['x'] } }))
    expect(c.ok).toBe(false)
    expect(c.text).toMatch(/^# not convertible to es-qs: Sigma correlation rules/)
  })

  it('appends | table for fields in splunk and renders aggregations', () => {
    const r = rule(proc({ sel: { EventID: 4688 }, condition: 'sel | count(User) by Computer > 3' }, { fields: ['EventID', 'CommandLine'] }))
    expect(createConverter('splunk').convert(r).text).toBe('EventCode="4688" | eventstats dc(User) as val by Computer | search val > 3 | table EventCode,CommandLine')
  })

  it('puts rule fields into the xpack-watcher mail body', () => {
    const text = createConverter('xpack-watcher').convert(rule(proc({ sel: { a: 'b' }, condition: 'sel' }, { fields: ['a', 'long'] }))).text
    expect(text).toContain('"body": "Hits:\\n{{#ctx.payload.hits.hits}}Hit on {{_source.@timestamp}}:\\n   a = {{_source.a}}\\nlong = {{_source.long}}')
  })

  it('converts every rule of a multi-document file', () => {
    const r = rule(
      { action: 'global', title: 'G', logsource: { product: 'linux' }, detection: { condition: 'sel' } },
      { detection: { sel: { a: 1 } } },
      { detection: { sel: { b: 2 } } },
    )
    expect(createConverter('grep').convertFile(r).stdout).toBe("grep -P -i '^1'\ngrep -P -i '^2'\n")
  })

  it('loads a user configuration once and uses its field mappings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conv-'))
    const path = join(dir, 'c.yml')
    writeFileSync(path, 'title: t\nfieldmappings:\n  Image: process.executable\n  User: [user.name, user.id]\n')
    const c = createConverter('graylog', { configPath: path })
    expect(c.convert(rule(proc({ sel: { Image: 'x', User: 'u' }, condition: 'sel' }))).text).toBe('(process.executable:"x" AND (user.name:"u" OR user.id:"u"))')
    expect(() => createConverter('graylog', { configPath: join(dir, 'missing.yml') })).toThrow(ConverterSetupError)
  })
})

describe('convertCommand', () => {
  it('prints sigmac-like output for rule files and sets the exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmd-'))
    const good = join(dir, 'good.yml')
    writeFileSync(good, 'title: t\nlogsource:\n  product: windows\n  service: security\ndetection:\n  sel:\n    EventID: 4624\n  condition: sel\n')
    expect(convertCommand({ backend: 'es-qs', rules: [good] })).toEqual({ stdout: '(winlog.channel:"Security" AND winlog.event_id:"4624")\n', stderr: '', exitCode: 0 })
    expect(convertCommand({ backend: 'powershell', rules: [good] }).stdout).toBe(
      'Get-WinEvent -LogName Security | where {($_.ID -eq "4624") } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message\n',
    )
    const missing = convertCommand({ backend: 'grep', rules: [join(dir, 'nope.yml')] })
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toMatch(/nope\.yml:1:1: error: cannot read file/)
    expect(convertCommand({ backend: 'nope', rules: [] }).exitCode).toBe(2)
  })
})

describe('robustness', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double())
  const key = fc.tuple(fc.constantFrom('a', 'EventID', 'Image', ''), fc.array(fc.constantFrom('contains', 'all', 'startswith', 'endswith', 'windash', 're', 'i', 'cidr', 'base64offset', 'wide', 'exists', 'gt', 'bogus'), { maxLength: 3 }))
    .map(([f, mods]) => [f, ...mods].join('|'))
  const selection = fc.oneof(fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), { maxKeys: 3 }), fc.array(scalar, { maxLength: 3 }), scalar)
  const condition = fc.constantFrom('sel', 'sel and not f', '1 of them', 'all of s*', '(sel or f', 'sel | count() > 2', 'missing', 'sel | near f')
  it('never throws on arbitrary rules, for any backend', () => {
    const converters = BACKENDS.map((b) => createConverter(b))
    fc.assert(
      fc.property(selection, selection, condition, (sel, f, cond) => {
        const r = rule(proc({ sel, f, condition: cond } as YamlMap))
        for (const c of converters) {
          const out = c.convert(r)
          expect(typeof out.text).toBe('string')
          if (!out.ok) expect(out.text.split('\n')).toHaveLength(1)
        }
      }),
      { numRuns: 400 },
    )
  })
})
