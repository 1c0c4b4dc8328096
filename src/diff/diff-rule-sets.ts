import type { Diagnostic } from '../diagnostics.js'
import type { RuleSource } from '../model.js'
import { coverageDelta, coverageOf, type TacticDelta } from './coverage.js'
import { renderRuleCards, ruleCardPath, type CardSetting } from './render-rule-cards.js'

/** One card that differs between the two rule sets; `before` is missing for an added card, both for a removed one (not rendered). */
export interface CardChange {
  /** Card path as `build` writes it, e.g. `wiki/Detection_Rules/x.md`. */
  path: string
  /** Title of the rule behind the card (from the newer side when there is one). */
  title: string
  before?: string
  after?: string
}

export interface RuleSetDiff {
  added: CardChange[]
  removed: CardChange[]
  changed: CardChange[]
  cardsBefore: number
  cardsAfter: number
  coverage: TacticDelta[]
  /** Problems met while rendering the changed cards (both sides). */
  diagnostics: Diagnostic[]
}

/**
 * What changes in the wiki's Detection Rule cards and in ATT&CK coverage between two sets of rules.
 * A card depends only on its rule(s) and the shared setting, so only cards whose rule texts differ are
 * rendered — on both sides, by the build's own steps.
 */
export function diffRuleSets(before: readonly RuleSource[], after: readonly RuleSource[], setting: CardSetting): RuleSetDiff {
  const old = byCard(before)
  const now = byCard(after)
  const touched = [...new Set([...old.keys(), ...now.keys()])].filter((path) => !sameTexts(old.get(path), now.get(path))).sort()
  // A removed card shows no diff, so only cards that still exist are rendered on the old side.
  const renderedBefore = renderRuleCards(touched.filter((p) => now.has(p)).flatMap((p) => old.get(p) ?? []), setting)
  const renderedAfter = renderRuleCards(touched.flatMap((p) => now.get(p) ?? []), setting)
  const result: RuleSetDiff = {
    added: [],
    removed: [],
    changed: [],
    cardsBefore: old.size,
    cardsAfter: now.size,
    coverage: coverageDelta(coverageOf(before, setting.catalogue), coverageOf(after, setting.catalogue), setting.catalogue),
    diagnostics: [...renderedBefore.diagnostics, ...renderedAfter.diagnostics],
  }
  for (const path of touched) {
    const b = renderedBefore.cards.get(path)
    const a = renderedAfter.cards.get(path)
    const title = titleOf((now.get(path) ?? old.get(path))?.[0])
    const change: CardChange = { path, title, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) }
    if (!now.has(path)) result.removed.push(change)
    else if (b === undefined && a !== undefined) result.added.push(change)
    else if (a !== b) result.changed.push(change)
  }
  return result
}

/** Rules by the card they produce, in load order (the first one gets the card, as in `build`). */
function byCard(rules: readonly RuleSource[]): Map<string, RuleSource[]> {
  const out = new Map<string, RuleSource[]>()
  for (const rule of rules) {
    const path = ruleCardPath(rule)
    out.set(path, [...(out.get(path) ?? []), rule])
  }
  return out
}

function sameTexts(a: RuleSource[] | undefined, b: RuleSource[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((r, i) => r.text === b[i]!.text)
}

function titleOf(rule: RuleSource | undefined): string {
  const title = rule?.documents[0]?.title
  return typeof title === 'string' ? title : rule?.stem ?? ''
}
