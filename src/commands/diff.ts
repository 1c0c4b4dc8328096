import { existsSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { loadCardSetting } from '../diff/load-card-setting.js'
import { diffRuleSets } from '../diff/diff-rule-sets.js'
import { GITHUB_COMMENT_LIMIT, renderDiffMarkdown } from '../diff/diff-markdown.js'
import { GitUsageError, removeSnapshot, repositoryPaths, repositoryRoot, resolveCommit, snapshotFolders } from '../diff/git-rules.js'
import { loadRules, type LoadedRules } from '../load/index.js'
import { BUILD_OPTIONS, BUILD_OPTIONS_USAGE, buildConfigFrom } from './build-options.js'
import { UsageError, type Command, type CommandIO } from './command.js'

// `--base` names a git ref here; the site base path does not matter to cards.
const CARD_OPTIONS = Object.fromEntries(Object.entries(BUILD_OPTIONS).filter(([name]) => name !== 'base'))
const OPTIONS_USAGE = BUILD_OPTIONS_USAGE.split('\n').filter((l) => !l.startsWith('  --base PATH')).join('\n')

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare the cards and ATT&CK coverage of two rule sets (folders or git refs) as a Markdown comment',
  usage: `analytics-wiki diff OLD_RULES NEW_RULES [options]
analytics-wiki diff --base REF [--head REF] [options]

Prints one Markdown document (for a pull-request comment): the Detection Rule cards added, removed and
changed, the unified diff of each changed or added card, and the ATT&CK techniques gained and lost by
tactic. OLD_RULES and NEW_RULES are folders read recursively. With --base, the --rules folders are taken
from two git refs of the current repository (HEAD's working tree when --head is not given), through
'git archive' into temporary folders. Data Needed, Enrichments, triggers and converter configs come from
the options, as for build. The document is cut to fit --max-chars, saying what was cut.

  --base REF               git ref of the old rules (e.g. origin/main)
  --head REF               git ref of the new rules (default: the working tree)
  --max-chars N            longest document to print (default: ${GITHUB_COMMENT_LIMIT}, GitHub's comment limit)
${OPTIONS_USAGE}

Exit codes: 0 document printed (with or without changes), 1 failure (e.g. git archive failed),
2 usage error (wrong arguments, missing folder, unknown ref, not a git repository).`,
  options: { ...CARD_OPTIONS, base: { type: 'string' }, head: { type: 'string' }, 'max-chars': { type: 'string' } },
  allowPositionals: true,
  run(values, positionals, io) {
    const maxChars = parseMaxChars(values['max-chars'])
    const { base, head, ...buildValues } = values
    if (typeof head === 'string' && typeof base !== 'string') throw new UsageError('--head needs --base REF (the ref to compare with)')
    if (typeof base === 'string' && positionals.length > 0) throw new UsageError('give either two rules folders or --base REF, not both')
    if (typeof base !== 'string' && positionals.length !== 2) throw new UsageError(`expected OLD_RULES and NEW_RULES folders (or --base REF), got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`)
    const config = buildConfigFrom(buildValues, io.cwd)
    const sides = typeof base === 'string' ? () => gitSides(io, config.rules, base, head as string | undefined) : () => folderSides(io, positionals as [string, string])
    let loaded: Sides
    try {
      loaded = sides()
    } catch (error) {
      if (error instanceof GitUsageError) throw new UsageError(error.message)
      throw error
    }
    try {
      const { setting } = loadCardSetting(config)
      const diff = diffRuleSets(loaded.before.rules, loaded.after.rules, setting)
      const problems = loaded.after.diagnostics.filter((d) => d.severity === 'error').map((d) => `${loaded.display(d.path)}:${d.line}:${d.col}: ${d.message}`)
      io.stdout(renderDiffMarkdown(diff, { before: loaded.beforeLabel, after: loaded.afterLabel, problems, maxChars }))
      return 0
    } finally {
      loaded.cleanup()
    }
  },
}

interface Sides {
  before: LoadedRules
  after: LoadedRules
  beforeLabel: string
  afterLabel: string
  /** How a loaded file's path is shown (temporary snapshot folders are hidden). */
  display: (path: string) => string
  cleanup: () => void
}

function parseMaxChars(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 2000) throw new UsageError(`--max-chars expects a whole number of at least 2000, got '${String(value)}'`)
  return n
}

function folderSides(io: CommandIO, [oldDir, newDir]: [string, string]): Sides {
  for (const dir of [oldDir, newDir]) {
    const path = resolve(io.cwd, dir)
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`no such rules folder: ${dir}`)
  }
  const display = (path: string) => relative(io.cwd, path) || path
  return { before: loadRules([resolve(io.cwd, oldDir)]), after: loadRules([resolve(io.cwd, newDir)]), beforeLabel: oldDir, afterLabel: newDir, display, cleanup: () => {} }
}

function gitSides(io: CommandIO, rulesFolders: readonly string[], base: string, head: string | undefined): Sides {
  const root = repositoryRoot(io.cwd)
  const paths = repositoryPaths(root, rulesFolders)
  const baseCommit = resolveCommit(root, base)
  const headCommit = head === undefined ? undefined : resolveCommit(root, head)
  const snapshots: string[] = []
  const cleanup = () => snapshots.forEach(removeSnapshot)
  try {
    const baseDir = snapshotFolders(root, baseCommit, paths)
    snapshots.push(baseDir)
    const headDir = headCommit === undefined ? root : snapshotFolders(root, headCommit, paths)
    if (headCommit !== undefined) snapshots.push(headDir)
    const display = (path: string) => {
      for (const dir of [...snapshots, root]) if (path.startsWith(dir + sep)) return relative(dir, path)
      return path
    }
    const short = (commit: string) => commit.slice(0, 12)
    return {
      before: loadRules(paths.map((p) => join(baseDir, p))),
      after: loadRules(paths.map((p) => join(headDir, p))),
      beforeLabel: `${base} (${short(baseCommit)})`,
      afterLabel: head === undefined ? 'the working tree' : `${head} (${short(headCommit!)})`,
      display,
      cleanup,
    }
  } catch (error) {
    cleanup()
    throw error
  }
}
