import type { Check, CheckContext, CheckedFile, DataFile, FileKind, Finding, RuleFile } from './check.js'

type Meta = Pick<Check, 'id' | 'severity' | 'description'>

/** A check that looks at each checked rule on its own. A rule that makes it fail is reported, not thrown. */
export function ruleCheck(meta: Meta, inspect: (rule: RuleFile, context: CheckContext) => Finding[]): Check {
  return { ...meta, run: (context) => context.rules.filter((r) => r.target).flatMap((rule) => guarded(meta, rule, () => inspect(rule, context))) }
}

/** A check over each checked Data Needed, Logging Policy, Enrichment or atomics file. */
export function dataCheck(meta: Meta, kind: Exclude<FileKind, 'rule' | 'converter-config'>, inspect: (file: DataFile, context: CheckContext) => Finding[]): Check {
  const list = { 'data-needed': 'dataNeeded', 'logging-policy': 'loggingPolicies', enrichment: 'enrichments', atomics: 'atomics' } as const
  return { ...meta, run: (context) => context[list[kind]].filter((f) => f.target).flatMap((file) => guarded(meta, file, () => inspect(file, context))) }
}

/** A check over every checked file, whatever it holds (syntax-level checks). */
export function fileCheck(meta: Meta, inspect: (file: CheckedFile, context: CheckContext) => Finding[]): Check {
  return { ...meta, run: (context) => context.files.filter((f) => f.target).flatMap((file) => guarded(meta, file, () => inspect(file, context))) }
}

// A bug in one check on one odd file must not hide every other finding.
function guarded(meta: Meta, file: CheckedFile, run: () => Finding[]): Finding[] {
  try {
    return run()
  } catch (error) {
    return [{ path: file.path, line: 1, col: 1, severity: 'error', message: `check '${meta.id}' could not inspect this file (${(error as Error).message}); this is a bug in analytics-wiki, please report it` }]
  }
}
