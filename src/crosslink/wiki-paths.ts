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
  const rel = posix.relative(posix.dirname(from), to) || posix.basename(to)
  const dir = to.endsWith('/') ? '/' : ''
  return rel.split('/').map(encodeSegment).join('/') + dir
}

/** Percent-encodes what a URL path segment cannot hold; keeps the readable ASCII a file name usually has. */
export function encodeSegment(segment: string): string {
  return segment === '..' || segment === '.' ? segment : encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%2C/g, ',')
}
