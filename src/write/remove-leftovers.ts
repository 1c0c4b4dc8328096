import { existsSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { OUTPUT_MARKER, STAGE_PREFIX } from './write-tree.js'

/** What siblingOf names: `dist.tmp-<pid>-<time>` (a new tree being staged), `dist.old-<pid>-<time>` (the tree it replaced). */
const SIBLING = /^\.(?:tmp|old)-(\d+)-[0-9a-z]+$/
/** `dist/.analytics-wiki-stage-<pid>`: the changed files of a build into an existing output folder. */
const INSIDE = new RegExp(`^${STAGE_PREFIX.replace(/[.-]/g, '\\$&')}(\\d+)$`)

/**
 * Removes what killed builds left: a first build stages its whole output in `target.tmp-…` beside the
 * folder while it runs, an interrupted swap leaves `target.old-…`, and a later build stages its changed
 * files in a folder inside (`inside`: the folder is an earlier build's output). Only what processes that
 * are gone left is removed (a build still running keeps its own), and beside the folder only folders that
 * hold analytics-wiki's marker. Returns the paths removed.
 */
export function removeLeftovers(target: string, inside: boolean): string[] {
  const removed: string[] = []
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true })
    removed.push(path)
  }
  const prefix = basename(target)
  for (const name of namesIn(dirname(target))) {
    const pid = name.startsWith(prefix) ? SIBLING.exec(name.slice(prefix.length))?.[1] : undefined
    const path = join(dirname(target), name)
    if (pid !== undefined && !alive(Number(pid)) && existsSync(join(path, OUTPUT_MARKER))) remove(path)
  }
  if (inside) {
    for (const name of namesIn(target)) {
      const pid = INSIDE.exec(name)?.[1]
      if (pid !== undefined && !alive(Number(pid))) remove(join(target, name))
    }
  }
  return removed
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
