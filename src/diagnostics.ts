export type Severity = 'error' | 'warning' | 'info'

/** One finding about an input file, pointing at the line and column it concerns (1-based). */
export interface Diagnostic {
  path: string
  line: number
  col: number
  severity: Severity
  message: string
  /** Stable id of the check that produced it, e.g. `yaml-syntax`. */
  code?: string
}

export function formatDiagnostic(d: Diagnostic): string {
  const code = d.code ? ` [${d.code}]` : ''
  return `${d.path}:${d.line}:${d.col}: ${d.severity}: ${d.message}${code}`
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1
  return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error')
}
