import { describe, expect, it } from 'vitest'
import { BACKEND_TABLE } from '../../src/convert/index.js'
import { elasticEscaper } from '../../src/convert/backends/elastic-escape.js'

const escape = (backend: keyof typeof BACKEND_TABLE, text: string) => BACKEND_TABLE[backend].escape(text)

describe('value escaping per backend', () => {
  it('es-qs escapes query-string specials and lone backslashes, keeps escaped wildcards', () => {
    expect(escape('es-qs', '*C:\\Users\\Public\\\\*')).toBe('*C\\:\\\\Users\\\\Public\\\\*')
    expect(escape('es-qs', 'a b=c/d')).toBe('a\\ b\\=c\\/d')
    expect(escape('es-qs', 'x && y || z')).toBe('x\\ \\&&\\ y\\ \\||\\ z')
    expect(escape('es-qs', 'a\\*b')).toBe('a\\*b')
  })

  it('the hand-written ES escaper matches the legacy regular expression', () => {
    const legacy = (t: string) => t.replace(/([\s+\-=!(){}[\]^"~:/]|(?<!\\)\\(?![*?\\])|\\u|&&|\|\|)/g, '\\$1')
    const fast = elasticEscaper('+-=!(){}[]^"~:/')
    for (const t of ['\\\\u12', 'a\\\\*', '\\u', '&&&', '|||', 'x\\\\\\y', 'tab\there', 'q"uote', '\\\\\\u']) expect(fast(t)).toBe(legacy(t))
  })

  it('graylog leaves = alone', () => {
    expect(escape('graylog', 'a=b c')).toBe('a=b\\ c')
  })

  it('splunk and logpoint escape quotes and lone backslashes', () => {
    expect(escape('splunk', 'C:\\x "y" \\*')).toBe('C:\\\\x \\"y\\" \\*')
    expect(escape('logpoint', 'a\\b')).toBe('a\\\\b')
  })

  it('powershell also escapes +', () => {
    expect(escape('powershell', 'a+b\\c')).toBe('a\\+b\\\\c')
  })

  it("grep escapes regex specials, quotes ' for the shell and turns * into .*", () => {
    expect(escape('grep', "it's (x).exe*")).toBe("it'\"'\"'s \\(x\\)\\.exe.*")
  })
})
