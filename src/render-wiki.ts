import type { Catalogue } from './attack/index.js'
import type { Diagnostic } from './diagnostics.js'
import type { Inputs, LinkedRule } from './model.js'
import { renderRuleCard } from './render/rule-card.js'
import { renderDataNeededCard } from './render/data-needed-card.js'
import { renderLoggingPolicyCard } from './render/logging-policy-card.js'
import { renderEnrichmentCard } from './render/enrichment-card.js'
import { renderTriggerCard } from './render/trigger-card.js'
import { safeFileName, type OutputFiles } from './write/index.js'

export interface WikiInput {
  inputs: Inputs
  rules: LinkedRule[]
  catalogue: Catalogue
}

/** The ATC cards, keyed `wiki/<Section>/<name>.md`. A card that fails to render is a diagnostic, not a lost build. */
export function renderWiki({ inputs, rules, catalogue }: WikiInput, diagnostics: Diagnostic[]): OutputFiles {
  const files: OutputFiles = new Map()
  const add = (section: string, name: string, path: string, render: () => string) => {
    const key = `wiki/${section}/${safeFileName(name)}.md`
    if (files.has(key)) {
      diagnostics.push({ path, line: 1, col: 1, severity: 'warning', message: `another input already produced ${key}; this one is skipped, expected unique names`, code: 'duplicate-page' })
      return
    }
    try {
      files.set(key, render())
    } catch (error) {
      diagnostics.push({ path, line: 1, col: 1, severity: 'error', message: `cannot render ${section} card: ${(error as Error).message}`, code: 'render' })
    }
  }
  for (const rule of rules) add('Detection_Rules', rule.source.stem, rule.source.path, () => renderRuleCard({ rule: rule.source, links: rule.links, conversions: rule.conversions }))
  // atc-data names pages after the file, not the title (38 corpus titles differ from their file names).
  const cross = { enrichments: inputs.enrichments, loggingPolicies: inputs.loggingPolicies, dataNeeded: inputs.dataNeeded }
  for (const source of inputs.dataNeeded) add('Data_Needed', source.stem, source.path, () => renderDataNeededCard({ source, ...cross }))
  for (const source of inputs.loggingPolicies) add('Logging_Policies', source.stem, source.path, () => renderLoggingPolicyCard({ source, ...cross }))
  for (const source of inputs.enrichments) add('Enrichments', source.stem, source.path, () => renderEnrichmentCard({ source, ...cross }))
  for (const atomics of inputs.atomics) {
    const description = catalogue.technique(atomics.techniqueId)?.description
    add('Triggers', atomics.techniqueId, atomics.path, () => renderTriggerCard({ atomics, description }))
  }
  return files
}
