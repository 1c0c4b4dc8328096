import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { loadRules, parseRule } from '../../src/load/index.js'
import { formatDiagnostic } from '../../src/diagnostics.js'

const dir = fileURLToPath(new URL('../fixtures/bad-rules/', import.meta.url))

describe('loadRules', () => {
  const { rules, diagnostics } = loadRules([dir])
  const lines = diagnostics.map(formatDiagnostic)

  it('keeps the good rule and leaves out broken ones', () => {
    expect(rules.map((r) => r.stem)).toEqual(['good'])
    expect(rules[0]!.documents[0]!.title).toBe('VolumeShadowCopy Symlink Creation Via Mklink')
  })

  it('points at the YAML syntax error with line and column', () => {
    const line = lines.find((l) => l.includes('not-yaml.yml'))
    expect(line).toMatch(/not-yaml\.yml:\d+:\d+: error: invalid YAML: .+ \[yaml-syntax\]$/)
  })

  it('names the missing required field', () => {
    expect(lines.find((l) => l.includes('no-detection.yml'))).toMatch(/no-detection\.yml:1:1: error: missing required field 'detection'/)
  })

  it('reports a wrong type at the key and an unknown field as a warning', () => {
    expect(lines).toContain(`${dir}wrong-type.yml:3:1: error: field 'tags' is a map, expected a list of strings [rule-field-type]`)
    expect(lines.some((l) => l.startsWith(`${dir}wrong-type.yml:10:1: warning: unknown field 'flavour'`))).toBe(true)
  })

  it('rejects a file whose document is not a map', () => {
    expect(lines.find((l) => l.includes('a-list.yml'))).toMatch(/error: rule document is a list, expected a map/)
  })
})

describe('parseRule', () => {
  it('reads YAML 1.1 like PyYAML (yes is a boolean) and keeps the text verbatim', () => {
    const text = 'title: T\nid: x\nflag: yes\ndetection:\n  sel:\n    A: 1\n  condition: sel\n'
    const { rule } = parseRule('r.yml', text)
    expect(rule?.text).toBe(text)
    expect(rule?.documents[0]!.flag).toBe(true)
  })

  it('keeps every document of a multi-document rule', () => {
    const text = 'title: T\nid: x\naction: global\nlogsource:\n  product: windows\n---\ndetection:\n  sel:\n    A: 1\n  condition: sel\n'
    const { rule, diagnostics } = parseRule('r.yml', text)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(rule?.documents).toHaveLength(2)
  })
})
