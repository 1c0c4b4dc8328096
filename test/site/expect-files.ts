import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { expect } from 'vitest'

/** Compares files with `dir` (UPDATE=1 rewrites `dir` from them instead). */
export function expectFiles(files: ReadonlyMap<string, string>, dir: string): void {
  if (process.env.UPDATE) {
    rmSync(dir, { recursive: true, force: true })
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    return
  }
  const expected = new Map(listFiles(dir).map((p) => [relative(dir, p), readFileSync(p, 'utf8')]))
  expect([...files.keys()].sort()).toEqual([...expected.keys()].sort())
  for (const [path, content] of files) expect(content, path).toBe(expected.get(path))
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listFiles(full))
    else out.push(full)
  }
  return out
}
