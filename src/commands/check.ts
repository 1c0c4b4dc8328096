import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { toolFingerprintIn } from '../cache/tool-fingerprint.js'
import { CHECKS, CHECKS_BY_ID, createCheckContext, FINDING_FORMATS, runChecks, summarise } from '../check/index.js'
import { ReferenceValues } from '../check/reference-values.js'
import { buildConfigFrom, INPUT_OPTIONS } from './build-options.js'
import { CACHE_DIR_OPTIONS, cacheDirFrom } from './cache-dir-from.js'
import { UsageError, type Command } from './command.js'

const FORMATS = Object.keys(FINDING_FORMATS)

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate rules, Data Needed, Logging Policies, Enrichments and atomics; report every finding at its line',
  usage: `analytics-wiki check [PATH...] [options]

Checks every YAML file below each PATH (a rule, Data Needed, Logging Policy, Enrichment or
Atomic Red Team file, recognised by its folder or content). Without PATH: the configured folders.
Cross-references (duplicate ids, Data Needed, Logging Policies, triggers) are resolved against
the checked files and, for what they do not include, the configured folders.

  --format text|json|github  text: path:line:col: severity: message [check-id] (default);
                             json: {summary, findings[]}; github: workflow annotations
  --ignore ID              skip a check (repeatable; see --list)
  --list                   list the checks (id, severity, description) and exit
  --strict                 exit 1 on warnings too
  --quiet                  no summary line on stderr
  --config FILE            settings file (default: ./analytics-wiki.config.yml if present)
  --rules DIR              Sigma rules folder (repeatable; default: rules)
  --data-needed DIR        Data Needed folder (default: data_needed)
  --logging-policies DIR   Logging Policies folder (default: data_needed/logging_policies)
  --enrichments DIR        Enrichments folder (default: data_needed/enrichments)
  --triggers DIR           Atomic Red Team atomics folder (default: triggers)
  --cache DIR              where what the configured files beside the checked ones parse to is kept
                           for the next run (default: the build's, node_modules/.cache/analytics-wiki
                           beside the nearest package.json; none when there is none)
  --no-cache               parse every file afresh and keep nothing

Exit codes: 0 no errors (warnings and info allowed), 1 at least one error (or warning with --strict),
2 usage error (unknown option or format, missing path).`,
  options: {
    format: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    list: { type: 'boolean' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    ...CACHE_DIR_OPTIONS,
    ...INPUT_OPTIONS,
  },
  allowPositionals: true,
  run(values, positionals, io) {
    if (values.list === true) {
      const width = Math.max(...CHECKS.map((c) => c.id.length))
      io.stdout(CHECKS.map((c) => `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.description}\n`).join(''))
      return 0
    }
    const format = (values.format as string | undefined) ?? 'text'
    const formatter = FINDING_FORMATS[format]
    if (!formatter) throw new UsageError(`unknown --format '${format}', expected one of ${FORMATS.join(', ')}`)
    const ignored = (values.ignore as string[] | undefined) ?? []
    const unknown = ignored.filter((id) => !CHECKS_BY_ID.has(id))
    if (unknown.length) throw new UsageError(`unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for --ignore, see 'analytics-wiki check --list'`)
    const missing = positionals.filter((p) => !existsSync(resolve(io.cwd, p)))
    if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`)
    const config = buildConfigFrom(values, io.cwd)
    const start = performance.now()
    const cacheDir = cacheDirFrom(values, io.cwd)
    const references = cacheDir === null ? undefined : ReferenceValues.load(join(cacheDir, 'check-references'), toolFingerprintIn(cacheDir))
    const context = createCheckContext({ paths: positionals, config, cwd: io.cwd, references })
    references?.save()
    const targets = context.files.filter((f) => f.target).length
    if (targets === 0) {
      const where = positionals.length ? positionals.join(', ') : `the configured folders (${[...config.rules, config.dataNeeded, config.triggers].map((p) => relative(io.cwd, p) || '.').join(', ')})`
      throw new UsageError(`no YAML files to check in ${where}; give rule files or folders as PATH, or set --rules`)
    }
    const findings = runChecks(context, CHECKS.filter((c) => !ignored.includes(c.id)))
    const summary = summarise(findings, targets)
    io.stdout(formatter(findings, summary))
    if (values.quiet !== true && format !== 'json') {
      const ms = Math.round(performance.now() - start)
      io.stderr(`checked ${summary.files} files in ${ms} ms: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} info\n`)
    }
    const failing = summary.errors + (values.strict === true ? summary.warnings : 0)
    return failing > 0 ? 1 : 0
  },
}
