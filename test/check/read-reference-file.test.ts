import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCheckContext } from '../../src/check/index.js'
import { readCheckedFile } from '../../src/check/read-checked-file.js'
import { readReferenceFile } from '../../src/check/read-reference-file.js'
import { listYamlFiles } from '../../src/load/index.js'
import { REPO, repoConfig } from './run-fixture.js'

const BAD_RULES = fileURLToPath(new URL('../fixtures/bad-rules/', import.meta.url))

describe('readReferenceFile (files read only as reference data)', () => {
  it('gives what a checked file gives: values, kind, text, and the positioned parts when asked', () => {
    const files = listYamlFiles(REPO)
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const reference = readReferenceFile(file, file, undefined)
      const checked = readCheckedFile(file, file, false, undefined)
      expect([reference.kind, reference.text, reference.values, reference.syntaxErrors], file).toEqual([checked.kind, checked.text, checked.values, checked.syntaxErrors])
      expect(reference.documents.map((d) => d.toJS()), file).toEqual(checked.documents.map((d) => d.toJS()))
      expect(reference.source.text).toBe(checked.source.text)
    }
  })

  it('reads a file the fast reader declines as a checked file (its syntax errors kept)', () => {
    for (const name of readdirSync(BAD_RULES).filter((n) => n.endsWith('.yml'))) {
      const file = join(BAD_RULES, name)
      const { source, documents, ...reference } = readReferenceFile(file, name, 'rule')
      const { source: checkedSource, documents: checkedDocuments, ...checked } = readCheckedFile(file, name, false, 'rule')
      expect(reference, name).toEqual(checked)
    }
  })

  it('leaves the rules beside checked Data Needed unparsed with positions, and the atomics unread', () => {
    const target = join(REPO, 'rules', readdirSync(join(REPO, 'rules'))[0]!)
    const context = createCheckContext({ paths: [join(REPO, 'data_needed')], config: repoConfig, cwd: REPO })
    const rules = context.rules.filter((r) => !r.target)
    expect(rules.map((r) => r.ruleSource.path)).toContain('rules/' + target.split('/').pop())
    for (const rule of rules) expect(Object.getOwnPropertyDescriptor(rule, 'source')?.get, rule.path).toBeTypeOf('function')
    expect(context.atomics).toEqual([])
    expect([...context.inputs.triggerFolders].sort()).toEqual(['T1003.002', 'T1003.003'])
  })
})
