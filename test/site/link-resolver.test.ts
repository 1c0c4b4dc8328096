import { describe, expect, it } from 'vitest'
import { resolveLink, relativeHref, rootOf } from '../../src/site/link-resolver.js'
import { createSlugger } from '../../src/site/slug.js'
import { csvField, csvRow } from '../../src/crosslink/csv.js'

const site = {
  pages: new Set(['index.md', 'Detection_Rules/a b.md', 'Triggers/T1003.001.md', 'Techniques/T1059.001.md']),
  files: new Set(['Detection_Rules/index.html', 'downloads/rules.json', 'downloads/attack-navigator/layer.json']),
}

describe('resolveLink', () => {
  it('turns wiki links into site links', () => {
    expect(resolveLink('Detection_Rules/x.md', '../Triggers/T1003.001.md', site)).toEqual({ kind: 'internal', href: '../Triggers/T1003.001.html', target: 'Triggers/T1003.001.html', fragment: '' })
    expect(resolveLink('Detection_Rules/x.md', 'a%20b.md#top', site)).toEqual({ kind: 'internal', href: 'a%20b.html#top', target: 'Detection_Rules/a b.html', fragment: 'top' })
    expect(resolveLink('index.md', 'Detection_Rules/', site)).toMatchObject({ kind: 'internal', target: 'Detection_Rules/index.html' })
    expect(resolveLink('index.md', '../rules.json', site)).toMatchObject({ kind: 'internal', href: 'downloads/rules.json' })
    expect(resolveLink('Techniques/T1059.001.md', '../../attack-navigator/layer.json', site)).toMatchObject({ kind: 'internal', href: '../downloads/attack-navigator/layer.json' })
  })

  it('leaves external links and same-page fragments alone', () => {
    expect(resolveLink('index.md', 'https://attack.mitre.org/techniques/T1059', site)).toEqual({ kind: 'external' })
    expect(resolveLink('index.md', '//evil.example/x', site)).toEqual({ kind: 'external' })
    expect(resolveLink('index.md', '#atomic-test-1', site)).toEqual({ kind: 'fragment', fragment: 'atomic-test-1' })
  })

  it('calls dangling what the site does not have', () => {
    expect(resolveLink('Data_Needed/x.md', '../Logging_Policies/none.md', site)).toEqual({ kind: 'dangling', target: 'Logging_Policies/none.md' })
    expect(resolveLink('Triggers/T1176.md', '../t1176/src/', site)).toEqual({ kind: 'dangling', target: 't1176/src/' })
    expect(resolveLink('index.md', '/absolute.md', site)).toMatchObject({ kind: 'dangling' })
    expect(resolveLink('index.md', '../../outside.md', site)).toMatchObject({ kind: 'dangling' })
    expect(resolveLink('index.md', '%E0%A4%A.md', site)).toMatchObject({ kind: 'dangling' })
  })

  it('computes relative hrefs and the way back to the root', () => {
    expect(relativeHref('Detection_Rules/x.html', 'Techniques/T1059.001.html')).toBe('../Techniques/T1059.001.html')
    expect(relativeHref('index.html', 'Detection_Rules/a b.html')).toBe('Detection_Rules/a%20b.html')
    expect(relativeHref('Coverage.html', 'Coverage.html')).toBe('Coverage.html')
    expect(rootOf('index.html')).toBe('')
    expect(rootOf('Detection_Rules/x.html')).toBe('../')
  })
})

describe('heading slugs', () => {
  it('are GitHub’s', () => {
    const slug = createSlugger()
    expect(slug('Atomic Test #1: Dump LSASS.exe Memory using ProcDump')).toBe('atomic-test-1-dump-lsassexe-memory-using-procdump')
    expect(slug('Atomic Test #15: HKLM - Modify default System Shell - Winlogon Shell KEY Value')).toBe('atomic-test-15-hklm---modify-default-system-shell---winlogon-shell-key-value')
    expect(slug('Description from ATT&CK')).toBe('description-from-attck')
    expect(slug('Description from ATT&CK')).toBe('description-from-attck-1')
    expect(slug('Description from ATT&CK')).toBe('description-from-attck-2')
  })
})

describe('CSV fields', () => {
  it('are quoted like Python’s csv module and cannot run as spreadsheet formulas', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', '-'])).toBe('a,"b,c","say ""hi""","two\nlines",-\r\n')
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-2+3')).toBe("'-2+3")
  })
})

describe('checkLinks on hand-made pages', () => {
  it('flags scripting URLs (as browsers read them), foreign assets and broken links', async () => {
    const { checkLinks } = await import('../../src/site/check-links.js')
    const page = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`
    const files = new Map<string, string>([
      ['index.html', page('<a href="jav&#x09;ascript:alert(1)">a</a><a href=" javascript:x">b</a><img src="https://evil.example/t.png"><a href="chrome://extensions">c</a><a href="gone.html">d</a><a href="sub/">e</a><a href="#top">f</a><h1 id="top">t</h1><img src="data:image/png;base64,AAAA">')],
      ['sub/index.html', page('<a href="../index.html#nope">back</a>')],
    ])
    const codes = checkLinks(files, { parse: true }).map((d) => `${d.path} ${d.severity} ${d.code}`)
    expect(codes).toEqual([
      'index.html error unsafe-link',
      'index.html error unsafe-link',
      'index.html error external-asset',
      'index.html warning unusual-scheme',
      'index.html warning broken-link',
      'sub/index.html warning broken-fragment',
    ])
  })
})
