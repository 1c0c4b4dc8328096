import { isAbsolute, relative, sep } from 'node:path'

/**
 * A file path as outputs show it: relative to the working directory when the file is inside it (so the same
 * repository gives the same bytes wherever it is checked out), with `/` separators.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
  return shown.split(sep).join('/')
}
