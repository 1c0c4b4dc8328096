import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PACKAGE_ROOT } from '../package-root.js'
import { hashOf } from './hash.js'

// The code's folder: src/ (tests) or lib/, which holds tsc's output and the bundle (lib/bundle/).
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url))

export interface ToolParts {
  version: string
  /** Folders whose files are part of the tool: its code, templates and bundled data. */
  dirs: string[]
}

export function defaultToolParts(): ToolParts {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
  return { version: pkg.version, dirs: [CODE_DIR, join(PACKAGE_ROOT, 'templates'), join(PACKAGE_ROOT, 'data')] }
}

let memo: string | undefined

/**
 * What the tool itself contributes to every cache key: its version and the files of its code, templates
 * and bundled data (name, size, modification time: a changed template or a rebuilt checkout never reuses
 * stale work, and no file needs reading).
 */
export function toolFingerprint(parts?: ToolParts): string {
  if (!parts && memo) return memo
  const { version, dirs } = parts ?? defaultToolParts()
  const chunks: string[] = [version]
  for (const dir of dirs) {
    for (const file of filesBelow(dir)) {
      const { size, mtimeMs } = statSync(file)
      chunks.push(relative(dir, file), String(size), String(mtimeMs))
    }
  }
  const value = hashOf(...chunks)
  if (!parts) memo = value
  return value
}

function filesBelow(dir: string): string[] {
  const out: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
  } catch {
    return out
  }
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue
    if (name.endsWith('/')) out.push(...filesBelow(join(dir, name)))
    else out.push(join(dir, name))
  }
  return out
}
