import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { rawConfigCache } from '../cache/converters-for.js'
import { UnitStore } from '../cache/unit-store.js'
import { formatDiagnostic } from '../diagnostics.js'
import { loadCardSetting } from '../diff/load-card-setting.js'
import { renderRuleCards, ruleCardPath } from '../diff/render-rule-cards.js'
import { readRule } from '../load/index.js'
import { BUILD_OPTIONS, BUILD_OPTIONS_USAGE, buildConfigFrom } from './build-options.js'
import { CACHE_DIR_OPTIONS, cacheDirFrom } from './cache-dir-from.js'
import { UsageError, type Command } from './command.js'

export const cardCommand: Command = {
  name: 'card',
  summary: "print a rule's Detection Rule card, exactly as build writes it",
  usage: `analytics-wiki card RULE.yml [options]

Prints the Markdown card of one Sigma rule to stdout, byte-identical to the page 'build' writes for it
with the same options (same Data Needed, Enrichments, triggers, converter configs and ATT&CK catalogue).

${BUILD_OPTIONS_USAGE}
  --cache DIR              the build's cache folder, whose parsed converter configurations are used
                           (default: node_modules/.cache/analytics-wiki beside the nearest package.json)
  --no-cache               parse them afresh

Exit codes: 0 card printed, 1 the rule cannot be read (its problems are printed on stderr),
2 usage error (no rule, several rules, not a file).`,
  options: { ...BUILD_OPTIONS, ...CACHE_DIR_OPTIONS },
  allowPositionals: true,
  run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expected the rule file to render, e.g. rules/windows/proc_creation_x.yml' : `expected one rule file, got ${positionals.length}: ${positionals.join(' ')}`)
    const path = resolve(io.cwd, positionals[0]!)
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`no such rule file: ${positionals[0]}`)
    const config = buildConfigFrom(values, io.cwd)
    const { rule, diagnostics } = readRule(path)
    for (const d of diagnostics) io.stderr(`${formatDiagnostic({ ...d, path: positionals[0]! })}\n`)
    if (!rule) {
      io.stderr(`analytics-wiki card: ${positionals[0]} is not a usable rule, so build makes no card for it\n`)
      return 1
    }
    const { setting } = loadCardSetting(config)
    const cacheDir = cacheDirFrom(values, io.cwd)
    // Only the converter configurations are taken from it: each unit file stands alone.
    const rawConfigs = cacheDir === null ? undefined : rawConfigCache(new UnitStore(cacheDir, { retain: false, packs: false }))
    const { cards, diagnostics: renderProblems } = renderRuleCards([rule], { ...setting, rawConfigs })
    const card = cards.get(ruleCardPath(rule))
    if (values.quiet !== true) for (const d of renderProblems) io.stderr(`${formatDiagnostic(d)}\n`)
    if (card === undefined) {
      io.stderr(`analytics-wiki card: no card could be rendered for ${positionals[0]}\n`)
      return 1
    }
    io.stdout(card)
    return 0
  },
}
