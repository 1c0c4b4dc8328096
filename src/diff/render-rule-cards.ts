import type { AttackCatalogue } from '../attack/index.js'
import { link } from '../build.js'
import type { BuildConfig } from '../config.js'
import { convertAll } from '../convert-all.js'
import type { RawConfigCache } from '../convert/config/conversion-config.js'
import type { Diagnostic } from '../diagnostics.js'
import type { Inputs, RuleSource } from '../model.js'
import { renderWiki } from '../render-wiki.js'
import { safeFileName } from '../write/index.js'

/** Everything a rule card depends on besides the rule: the reference inputs, the catalogue and the converter settings. */
export interface CardSetting {
  /** Data Needed, Enrichments and trigger folders, as `build` reads them (see loadCardSetting). */
  reference: Inputs
  catalogue: AttackCatalogue
  config: Pick<BuildConfig, 'converterConfigs'>
  /** Parsed converter configurations kept by earlier builds (see rawConfigCache): then not parsed again. */
  rawConfigs?: RawConfigCache
}

export const RULE_CARD_DIR = 'wiki/Detection_Rules/'

/** Where `build` writes the card of a rule file. */
export function ruleCardPath(rule: Pick<RuleSource, 'stem'>): string {
  return `${RULE_CARD_DIR}${safeFileName(rule.stem)}.md`
}

/**
 * The Detection Rule cards of `rules`, made by the build's own steps (link, convert, render) with the same
 * reference inputs, so each is byte-identical to the page `build` writes. A card depends only on its rule
 * and the setting, so any subset of the rules can be rendered on its own.
 */
export function renderRuleCards(rules: readonly RuleSource[], setting: CardSetting): { cards: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const inputs: Inputs = { ...setting.reference, rules: [...rules] }
  const converted = convertAll(link(inputs, setting.catalogue), setting.config, diagnostics, setting.rawConfigs)
  // The other sections do not touch rule cards; leaving their sources out spares rendering them.
  const wikiInputs: Inputs = { ...inputs, dataNeeded: [], loggingPolicies: [], enrichments: [], atomics: [] }
  const files = renderWiki({ inputs: wikiInputs, rules: converted, catalogue: setting.catalogue }, diagnostics)
  const cards = new Map<string, string>()
  for (const [path, content] of files) if (path.startsWith(RULE_CARD_DIR) && typeof content === 'string') cards.set(path, content)
  return { cards, diagnostics }
}
