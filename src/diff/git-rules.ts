import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'

/** A git problem caused by how the command was called (not a repository, unknown ref, folder outside it). */
export class GitUsageError extends Error {}

function git(cwd: string, args: string[], input?: Buffer): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 })
  if (result.error) throw new GitUsageError(`cannot run git: ${result.error.message}`)
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString().trim() }
}

/** The top folder of the git repository holding `cwd`. */
export function repositoryRoot(cwd: string): string {
  const result = git(cwd, ['rev-parse', '--show-toplevel'])
  if (!result.ok) throw new GitUsageError(`${cwd} is not inside a git repository (${result.stderr}); --base/--head compare git refs of the current repository`)
  return result.stdout.toString().trim()
}

/** The commit a ref names, or a usage error naming the ref. */
export function resolveCommit(root: string, ref: string): string {
  const result = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  if (!result.ok) throw new GitUsageError(`unknown git ref '${ref}', expected a branch, tag or commit (e.g. origin/main; in CI fetch with fetch-depth: 0)`)
  return result.stdout.toString().trim()
}

/** Folders as paths relative to the repository root; a folder outside it is a usage error. */
export function repositoryPaths(root: string, folders: readonly string[]): string[] {
  return folders.map((folder) => {
    const rel = relative(root, resolve(folder))
    if (rel.startsWith('..') || isAbsolute(rel)) throw new GitUsageError(`rules folder ${folder} is outside the repository ${root}, expected --rules inside it`)
    return rel === '' ? '.' : rel
  })
}

/**
 * Writes the given folders as they are at `commit` into a new temporary folder (via `git archive`; the
 * working tree and index are never touched). Folders missing at that commit are left out.
 * Returns the temporary root; the caller removes it with `removeSnapshot`.
 */
export function snapshotFolders(root: string, commit: string, paths: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'analytics-wiki-diff-'))
  const present = paths.filter((p) => p === '.' || git(root, ['cat-file', '-e', `${commit}:${p}`]).ok)
  if (present.length === 0) return dir
  const archive = git(root, ['archive', '--format=tar', commit, '--', ...present])
  if (!archive.ok) {
    removeSnapshot(dir)
    throw new Error(`git archive ${commit} failed: ${archive.stderr}`)
  }
  const extract = spawnSync('tar', ['-x', '-f', '-', '-C', dir], { input: archive.stdout, maxBuffer: 1 << 30 })
  if (extract.status !== 0) {
    removeSnapshot(dir)
    throw new Error(`cannot unpack the rules of ${commit}: ${extract.error?.message ?? extract.stderr.toString().trim()}`)
  }
  return dir
}

export function removeSnapshot(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
