import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/check/index.js'
import { checkPaths, FIXTURES, lines } from './run-fixture.js'

// Each check has test/fixtures/check/cases/<id>/{fail,pass}/ checked against the good fixture repository;
// expected.txt holds every finding of fail/ (UPDATE=1 rewrites it).
describe.each(CHECKS.map((c) => [c.id]))('%s', (id) => {
  const dir = join(FIXTURES, 'cases', id)

  it('reports the seeded fault at its line and column', () => {
    const found = lines(checkPaths(dir, ['fail']))
    const expectedFile = join(dir, 'expected.txt')
    if (process.env.UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, found)
    expect(found).toBe(readFileSync(expectedFile, 'utf8'))
    expect(found).toContain(`[${id}]`)
  })

  it('is quiet on the passing example', () => {
    expect(lines(checkPaths(dir, ['pass']))).toBe('')
  })
})
