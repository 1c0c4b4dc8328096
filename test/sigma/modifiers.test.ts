import { describe, expect, it } from 'vitest'
import { base64Offsets } from '../../src/sigma/modifiers/encoding-modifiers.js'
import { applyModifiers } from '../../src/sigma/modifiers/registry.js'
import { windashVariants } from '../../src/sigma/modifiers/structure-modifiers.js'

const apply = (value: unknown, ...names: string[]) => applyModifiers(value as never, names)

describe('modifiers', () => {
  it('contains, startswith, endswith add wildcards; a trailing backslash is kept literal', () => {
    expect(apply('cmd', 'contains')).toEqual({ ok: true, value: '*cmd*' })
    expect(apply('C:\\Temp\\', 'contains')).toEqual({ ok: true, value: '*C:\\Temp\\\\*' })
    expect(apply(['a', '*b'], 'startswith')).toEqual({ ok: true, value: ['a*', '*b*'] })
    expect(apply('x.exe', 'endswith')).toEqual({ ok: true, value: '*x.exe' })
    // The legacy converter left numbers alone under contains.
    expect(apply(42, 'contains')).toEqual({ ok: true, value: 42 })
  })

  it('all turns a list into an AND group', () => {
    expect(apply(['a', 'b'], 'contains', 'all')).toEqual({ ok: true, value: { kind: 'group', op: 'and', items: ['*a*', '*b*'], wrapped: false } })
  })

  it('windash expands switch characters after non-word characters only', () => {
    expect(windashVariants(' -a -b')).toEqual([' -a -b', ' -a /b', ' /a -b', ' /a /b'])
    expect(windashVariants('/node:')).toEqual(['-node:', '/node:'])
    expect(windashVariants('re-run')).toEqual(['re-run'])
    expect(apply('-q', 'contains', 'windash')).toEqual({ ok: true, value: { kind: 'group', op: 'or', items: ['*-q*', '*/q*'], wrapped: true } })
  })

  it('base64 and base64offset encode like Python', () => {
    expect(apply('/server=', 'base64')).toEqual({ ok: true, value: 'L3NlcnZlcj0=' })
    expect(base64Offsets(Buffer.from('WriteProcessMemory'))).toEqual(['V3JpdGVQcm9jZXNzTWVtb3J5', 'dyaXRlUHJvY2Vzc01lbW9ye', 'Xcml0ZVByb2Nlc3NNZW1vcn'])
    expect(apply('spinstall0.aspx', 'wide', 'base64offset', 'contains')).toEqual({
      ok: true,
      value: { kind: 'group', op: 'or', wrapped: true, items: ['*cwBwAGkAbgBzAHQAYQBsAGwAMAAuAGEAcwBwAHgA*', '*MAcABpAG4AcwB0AGEAbABsADAALgBhAHMAcAB4A*', '*zAHAAaQBuAHMAdABhAGwAbAAwAC4AYQBzAHAAeA*'] },
    })
  })

  it('utf16 variants produce the right bytes', () => {
    const bytes = (r: ReturnType<typeof apply>) => (r.ok ? [...(r.value as Uint8Array)] : null)
    expect(bytes(apply('A', 'utf16le'))).toEqual([0x41, 0])
    expect(bytes(apply('A', 'utf16be'))).toEqual([0, 0x41])
    expect(bytes(apply('A', 'utf16'))).toEqual([0xff, 0xfe, 0x41, 0])
  })

  it('re takes flags only after re', () => {
    expect(apply('^a$', 're', 'i')).toEqual({ ok: true, value: { kind: 're', pattern: '^a$', flags: 'i' } })
    expect(apply('a', 'i')).toMatchObject({ ok: false, index: 0 })
  })

  it('typed modifiers', () => {
    expect(apply(['10.0.0.0/8'], 'cidr')).toEqual({ ok: true, value: { kind: 'group', op: 'or', items: [{ kind: 'cidr', network: '10.0.0.0/8' }], wrapped: true } })
    expect(apply('nonsense', 'cidr')).toMatchObject({ ok: false })
    expect(apply(5, 'gte')).toEqual({ ok: true, value: { kind: 'compare', op: 'gte', value: 5 } })
    expect(apply(true, 'exists')).toEqual({ ok: true, value: { kind: 'exists', exists: true } })
    expect(apply('Other', 'fieldref')).toEqual({ ok: true, value: { kind: 'fieldref', field: 'Other' } })
  })

  it('an unknown modifier is reported with its position in the chain, not thrown', () => {
    expect(apply('x', 'contains', 'bogus')).toEqual({ ok: false, index: 1, message: "unknown modifier 'bogus'", unknown: true })
  })
})
