import { isAbsolute, relative, sep } from 'node:path'

/**
 * A file path as outputs show it: relative to the working directory when the file is inside it (so the same
 * repository gives the same bytes wherever it is checked out), with `/` separators.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  // Every build shows every rule's path (3,000 path computations a watching rebuild): kept per folder.
  if (cwd !== shownIn) {
    shown.clear()
    shownIn = cwd
  }
  let text = shown.get(path)
  if (text === undefined) shown.set(path, (text = computeDisplayPath(path, cwd)))
  return text
}

const shown = new Map<string, string>()
let shownIn: string | undefined

function computeDisplayPath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
  return shown.split(sep).join('/')
}
