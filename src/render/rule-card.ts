import { readFileSync } from 'node:fs'
import { Eta } from 'eta'
import { ruleCardView, type RuleCardInput } from './rule-card-view.js'
import { packagePath } from '../package-root.js'

export type { RuleCardInput } from './rule-card-view.js'

const TEMPLATE_PATH = packagePath('templates', 'detection-rule.eta')

// Whitespace is part of the output: no automatic trimming, no HTML escaping.
const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false })
let compiled: ReturnType<Eta['compile']> | undefined

/** The Detection Rule card (Markdown), byte-for-byte as Atomic Threat Coverage renders it. */
export function renderRuleCard(input: RuleCardInput): string {
  compiled ??= eta.compile(readFileSync(TEMPLATE_PATH, 'utf8'))
  return compiled.call(eta, ruleCardView(input))
}
