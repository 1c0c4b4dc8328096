import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashOf } from '../../src/cache/hash.js'
import { createCheckContext, runChecks } from '../../src/check/index.js'
import { ReferenceValues } from '../../src/check/reference-values.js'
import { mergeConfig } from '../../src/config.js'
import { REPO } from './run-fixture.js'

describe('ReferenceValues (what reference files parsed to, between check runs)', () => {
  it('gives back values for the same path and text hash, from the same tool only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aw-refs-')), 'check-references')
    const kept = ReferenceValues.load(file, 'tool-a')
    kept.set('/r/a.yml', 'hash-1', [{ id: 'x', date: new Date(Date.UTC(2024, 0, 2)) }])
    kept.save()
    const again = ReferenceValues.load(file, 'tool-a')
    expect(again.get('/r/a.yml', 'hash-1')).toEqual([{ id: 'x', date: new Date(Date.UTC(2024, 0, 2)) }])
    expect(again.get('/r/a.yml', 'hash-2')).toBeUndefined()
    expect(ReferenceValues.load(file, 'tool-b').get('/r/a.yml', 'hash-1')).toBeUndefined()
  })

  it('keeps what the last run asked for only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aw-refs-')), 'check-references')
    const first = ReferenceValues.load(file, 'tool')
    first.set('/r/a.yml', 'a', ['a'])
    first.set('/r/b.yml', 'b', ['b'])
    first.save()
    const second = ReferenceValues.load(file, 'tool')
    expect(second.get('/r/b.yml', 'b')).toEqual(['b'])
    second.save()
    const third = ReferenceValues.load(file, 'tool')
    expect([third.get('/r/a.yml', 'a'), third.get('/r/b.yml', 'b')]).toEqual([undefined, ['b']])
  })

  it('lets a second check take the reference rules as kept, and parses an edited one again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-refs-'))
    cpSync(REPO, join(dir, 'repo'), { recursive: true })
    const repo = join(dir, 'repo')
    const config = mergeConfig({ rules: [join(repo, 'rules')], dataNeeded: join(repo, 'data_needed'), loggingPolicies: join(repo, 'logging_policies'), enrichments: join(repo, 'enrichments'), triggers: join(repo, 'atomics') })
    const file = join(dir, 'check-references')
    const check = () => {
      const references = ReferenceValues.load(file, 'tool')
      const context = createCheckContext({ paths: [join(repo, 'data_needed')], config, cwd: repo, references })
      references.save()
      return { context, references, findings: runChecks(context) }
    }
    const first = check()
    const second = check()
    expect(second.findings).toEqual(first.findings)
    const rule = second.context.rules.find((r) => !r.target)!
    expect(rule.values).toBe(second.references.get(join(repo, rule.path), hashOfFile(join(repo, rule.path))))

    writeFileSync(join(repo, rule.path), readFileSync(join(repo, rule.path), 'utf8').replace(/^title: .*$/m, 'title: Edited between runs'))
    const third = check()
    expect((third.context.rules.find((r) => r.path === rule.path)!.values[0] as { title: string }).title).toBe('Edited between runs')
  })
})

const hashOfFile = (path: string) => hashOf(readFileSync(path, 'utf8'))
