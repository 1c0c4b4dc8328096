import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mergeConfig, type BuildConfig } from '../../src/config.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))

/** A copy of the repository's example content (SigmaHQ rules, atc-data, atomics; see their NOTICE files) to edit. */
export function exampleCopy(): { dir: string; config: BuildConfig } {
  const dir = mkdtempSync(join(tmpdir(), 'aw-cache-'))
  for (const sub of ['rules', 'data_needed', 'triggers']) cpSync(join(repo, sub), join(dir, sub), { recursive: true })
  const config = mergeConfig({
    rules: [join(dir, 'rules')],
    dataNeeded: join(dir, 'data_needed'),
    loggingPolicies: join(dir, 'data_needed/logging_policies'),
    enrichments: join(dir, 'data_needed/enrichments'),
    triggers: join(dir, 'triggers'),
    out: join(dir, 'dist'),
    quiet: true,
    site: false,
  })
  return { dir, config }
}

/** Moves every file's times a minute back, so the up-to-date check trusts them. */
export function ageFiles(dir: string): void {
  const past = new Date(Date.now() - 60_000)
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) ageFiles(full)
    else utimesSync(full, past, past)
  }
}

export function firstFile(dir: string, suffix: string): string {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) {
      const found = firstFile(full, suffix)
      if (found) return found
    } else if (name.endsWith(suffix)) return full
  }
  return ''
}

/** Changes a file's text; throws when the change changes nothing (a test edit that edits nothing proves nothing). */
export function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`the edit changed nothing in ${path}`)
  writeFileSync(path, after)
}

/** Every file below `dir` (relative path → content). */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8')
  }
  return out
}
