import { formatDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js'

export interface CheckSummary {
  files: number
  errors: number
  warnings: number
  infos: number
}

type Formatter = (findings: readonly Diagnostic[], summary: CheckSummary) => string

const ANNOTATION: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

// GitHub workflow commands: data escapes %, CR, LF; property values also `:` and `,`.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Output formats of `check`, keyed by the `--format` value. */
export const FINDING_FORMATS: Record<string, Formatter> = {
  text: (findings) => findings.map((d) => `${formatDiagnostic(d)}\n`).join(''),
  json: (findings, summary) =>
    `${JSON.stringify({ summary, findings: findings.map((d) => ({ path: d.path, line: d.line, col: d.col, severity: d.severity, message: d.message, check: d.code ?? null })) }, null, 2)}\n`,
  github: (findings) =>
    findings
      .map((d) => `::${ANNOTATION[d.severity]} file=${escapeProperty(d.path)},line=${d.line},col=${d.col},title=${escapeProperty(d.code ?? 'analytics-wiki')}::${escapeData(d.message)}\n`)
      .join(''),
}

export function summarise(findings: readonly Diagnostic[], files: number): CheckSummary {
  const count = (s: Severity) => findings.filter((d) => d.severity === s).length
  return { files, errors: count('error'), warnings: count('warning'), infos: count('info') }
}
