import { compareDiagnostics, type Diagnostic } from '../diagnostics.js'
import type { Check, CheckContext } from './check.js'
import { CHECKS } from './registry.js'

/**
 * Runs every check and collects what they find about the checked files (reference files are
 * only read). A check that throws becomes one error finding; the others still run.
 */
export function runChecks(context: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const targets = new Set(context.files.filter((f) => f.target).map((f) => f.path))
  const out: Diagnostic[] = []
  for (const check of checks) {
    let findings
    try {
      findings = check.run(context)
    } catch (error) {
      const path = [...targets][0] ?? '.'
      out.push({ path, line: 1, col: 1, severity: 'error', message: `check '${check.id}' failed (${(error as Error).message}); this is a bug in analytics-wiki, please report it`, code: check.id })
      continue
    }
    for (const f of findings) {
      if (targets.has(f.path)) out.push({ path: f.path, line: f.line, col: f.col, severity: f.severity ?? check.severity, message: f.message, code: check.id })
    }
  }
  return dedupe(out.sort((a, b) => compareDiagnostics(a, b) || ((a.code ?? '') < (b.code ?? '') ? -1 : (a.code ?? '') > (b.code ?? '') ? 1 : 0)))
}

function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const p = sorted[i - 1]
    return !p || p.path !== d.path || p.line !== d.line || p.col !== d.col || p.message !== d.message || p.code !== d.code
  })
}
