import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PACKAGE_ROOT } from '../package-root.js'
import { hashOf } from './hash.js'

const CODE_DIR = codeDir(import.meta.url)

/**
 * The folder of the tool's code, for a module at `moduleUrl`. The installed command runs the bundle, which
 * lib/bundle/ holds whole: its 30 files, not the 650 of lib/ (tsc's output beside it), which every build
 * stat'ed. Else the folder above the module's: src/ (tests) or lib/ (tsc's output).
 */
export function codeDir(moduleUrl: string): string {
  const here = fileURLToPath(new URL('./', moduleUrl))
  return basename(here) === 'bundle' ? here : fileURLToPath(new URL('../', moduleUrl))
}

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

/** toolFingerprint with its memo kept in cache folder `cacheDir` (none: the tool's files are read). */
export function toolFingerprintIn(cacheDir: string | null): string {
  return toolFingerprint(undefined, cacheDir === null ? undefined : join(resolve(cacheDir), 'tool-fingerprint.json'))
}

/**
 * What the tool itself contributes to every cache key: its version and the content of its code, templates
 * and bundled data, so a changed template or a rebuilt checkout never reuses stale work, while a fresh
 * install of the same code (new file times, as on every CI run) keeps the cache it restored. With
 * `memoFile`, the content hash is kept there under the files' names, sizes and times, and the files are
 * read again only when one of those changed.
 */
export function toolFingerprint(parts?: ToolParts, memoFile?: string): string {
  if (!parts && memo) return memo
  const { version, dirs } = parts ?? defaultToolParts()
  const files = dirs.flatMap((dir) => filesBelow(dir).map((file) => ({ file, name: relative(dir, file) })))
  const stamps: string[] = [version]
  for (const { file, name } of files) {
    const { size, mtimeMs } = statSync(file)
    stamps.push(name, String(size), String(mtimeMs))
  }
  const signature = hashOf(...stamps)
  const saved = memoFile ? readMemo(memoFile) : undefined
  let value = saved?.signature === signature ? saved.fingerprint : undefined
  if (value === undefined) {
    value = hashOf(version, ...files.flatMap(({ file, name }) => [name, readFileSync(file)]))
    if (memoFile) writeMemo(memoFile, { signature, fingerprint: value })
  }
  if (!parts) memo = value
  return value
}

interface Memo {
  signature: string
  fingerprint: string
}

function readMemo(file: string): Memo | undefined {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as Partial<Memo>
    return typeof memo.signature === 'string' && typeof memo.fingerprint === 'string' ? (memo as Memo) : undefined
  } catch {
    return undefined
  }
}

function writeMemo(file: string, memo: Memo): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(temp, JSON.stringify(memo))
    renameSync(temp, file)
  } catch {
    // Without the memo the next build only reads the tool's files again.
    rmSync(temp, { force: true })
  }
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
