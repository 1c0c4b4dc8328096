import { posix } from 'node:path'
import { safeFileName } from '../write/index.js'

/** Wiki-relative paths of every page kind (the ATC cards' names, and the cross-link pages). */
export const wikiPath = {
  index: 'index.md',
  coverage: 'Coverage.md',
  conversionStatus: 'Conversion_Status.md',
  rule: (stem: string) => `Detection_Rules/${safeFileName(stem)}.md`,
  /** atc-data cards are named after their file (`stem`), which is usually the title too. */
  dataNeeded: (name: string) => `Data_Needed/${safeFileName(name)}.md`,
  loggingPolicy: (name: string) => `Logging_Policies/${safeFileName(name)}.md`,
  enrichment: (name: string) => `Enrichments/${safeFileName(name)}.md`,
  trigger: (id: string) => `Triggers/${safeFileName(id)}.md`,
  tactic: (id: string) => `Tactics/${safeFileName(id)}.md`,
  technique: (id: string) => `Techniques/${safeFileName(id)}.md`,
}

/** A link from one wiki page to another, relative and percent-encoded per segment. */
export function relativeLink(from: string, to: string): string {
  const rel = relativeFromPage(from, to)
  const dir = to.endsWith('/') ? '/' : ''
  return rel.split('/').map(encodeSegment).join('/') + dir
}

/**
 * `posix.relative(posix.dirname(from), to) || posix.basename(to)`: the path from the page `from` to `to`.
 * Pages link to each other by the thousand, and the paths are nearly always plain (`Dir/name.md`); those
 * take a short way, anything else (dot segments, absolute, doubled or trailing slashes) `posix.relative`.
 */
export function relativeFromPage(from: string, to: string): string {
  if (!isPlainPath(from) || !isPlainPath(to)) return posix.relative(posix.dirname(from), to) || posix.basename(to)
  const slash = from.lastIndexOf('/')
  if (slash < 0) return to
  const dir = from.slice(0, slash)
  // The common cases, without splitting: a page below the same folder, or any page from a top-level folder.
  if (to.startsWith(`${dir}/`)) return to.slice(slash + 1)
  if (!dir.includes('/') && to !== dir) return `../${to}`
  const fromDirs = from.split('/').slice(0, -1)
  const toParts = to.split('/')
  let common = 0
  while (common < fromDirs.length && common < toParts.length && fromDirs[common] === toParts[common]) common++
  const rel = [...Array<string>(fromDirs.length - common).fill('..'), ...toParts.slice(common)].join('/')
  return rel || toParts[toParts.length - 1]!
}

/** Relative, with no empty, `.` or `..` segment: where the short way gives what posix.relative gives. */
function isPlainPath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.endsWith('/') && !path.includes('//') && !DOT_SEGMENT.test(path)
}

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/
const PLAIN_SEGMENT = /^[\w.~-]*$/

/** Percent-encodes what a URL path segment cannot hold; keeps the readable ASCII a file name usually has. */
export function encodeSegment(segment: string): string {
  if (segment === '..' || segment === '.' || PLAIN_SEGMENT.test(segment)) return segment
  return encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%2C/g, ',')
}
