import { loadCatalogue } from '../attack/index.js'
import { load } from '../build.js'
import type { BuildConfig } from '../config.js'
import type { Diagnostic } from '../diagnostics.js'
import type { CardSetting } from './render-rule-cards.js'

/** Reads the reference inputs (not the rules) the way `build` does, for rendering rule cards. */
export function loadCardSetting(config: BuildConfig): { setting: CardSetting; diagnostics: Diagnostic[] } {
  const { inputs, diagnostics } = load({ ...config, rules: [] })
  return { setting: { reference: inputs, catalogue: loadCatalogue(), config }, diagnostics }
}
