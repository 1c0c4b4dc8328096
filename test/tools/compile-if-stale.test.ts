import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = resolve('tools/compile-if-stale.js')

/** A project whose `compile` script only leaves a mark, with its output an hour newer than its sources. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aw-stale-'))
  mkdirSync(join(dir, 'src'))
  mkdirSync(join(dir, 'lib/bundle'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', private: true, scripts: { compile: 'node -e "require(\'fs\').writeFileSync(\'compiled\', \'\')"' } }))
  writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1\n')
  writeFileSync(join(dir, 'lib/bundle/cli.js'), '')
  const hourAgo = new Date(Date.now() - 3_600_000)
  for (const path of ['package.json', 'src/a.ts', 'src']) utimesSync(join(dir, path), hourAgo, hourAgo)
  return dir
}

const run = (dir: string) => spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' })

describe('tools/compile-if-stale.js (npm run build)', () => {
  it('does not compile when the bundle is newer than every source, and compiles once a source is newer', () => {
    const dir = project()
    expect(run(dir).status).toBe(0)
    expect(existsSync(join(dir, 'compiled'))).toBe(false)
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 2\n')
    expect(run(dir).status).toBe(0)
    expect(existsSync(join(dir, 'compiled'))).toBe(true)
  })

  it('compiles when a source file was removed or nothing was ever compiled', () => {
    const dir = project()
    rmSync(join(dir, 'src/a.ts'))
    run(dir)
    expect(existsSync(join(dir, 'compiled'))).toBe(true)
    const fresh = project()
    rmSync(join(fresh, 'lib/bundle/cli.js'))
    run(fresh)
    expect(existsSync(join(fresh, 'compiled'))).toBe(true)
  })
})
