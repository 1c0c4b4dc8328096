import { loadCatalogue } from '../attack/index.js'
import { otherInputDirs, type BuildConfig } from '../config.js'
import type { Diagnostic } from '../diagnostics.js'
import { listAtomicsFiles, loadDataSources } from '../load/index.js'
import type { Inputs } from '../model.js'
import type { CardSetting } from './render-rule-cards.js'

/**
 * Reads the reference inputs (not the rules) the way `build` does, for rendering rule cards: the Data
 * Needed and Enrichments a rule links, and the trigger folders. A rule card shows nothing of the Logging
 * Policies or of the atomics' content, so those files are not read (parsing the atomics took 0.3 of the
 * 0.8 s `card` took with the full corpus).
 */
export function loadCardSetting(config: BuildConfig): { setting: CardSetting; diagnostics: Diagnostic[] } {
  const dataNeeded = loadDataSources(config.dataNeeded, 'Data Needed', otherInputDirs(config, config.dataNeeded))
  const enrichments = loadDataSources(config.enrichments, 'Enrichment', otherInputDirs(config, config.enrichments))
  const { triggerFolders } = listAtomicsFiles(config.triggers)
  const reference: Inputs = { rules: [], dataNeeded: dataNeeded.items, loggingPolicies: [], enrichments: enrichments.items, atomics: [], triggerFolders }
  return { setting: { reference, catalogue: loadCatalogue(), config }, diagnostics: [...dataNeeded.diagnostics, ...enrichments.diagnostics] }
}
