import { techniqueById, type AttackCatalogue } from './attack/index.js'
import type { Diagnostic } from './diagnostics.js'
import type { Inputs, LinkedRule } from './model.js'
import { renderRuleCard } from './render/rule-card.js'
import { renderDataNeededCard } from './render/data-needed-card.js'
import { renderLoggingPolicyCard } from './render/logging-policy-card.js'
import { renderEnrichmentCard } from './render/enrichment-card.js'
import { renderTriggerCard } from './render/trigger-card.js'
import { safeFileName, type DeferredText, type HashMemo, type OutputFiles } from './write/index.js'

export interface WikiInput {
  inputs: Inputs
  rules: LinkedRule[]
  catalogue: AttackCatalogue
}

/**
 * A card already rendered elsewhere (a cache, a worker thread): its text (with its content hash, when the
 * cache took it, so the write step need not hash it again), its text still on disk with its hash, or why
 * it could not be rendered.
 */
export type CardOutcome = { text: string; hash?: string } | { deferred: DeferredText } | { error: string }

/**
 * The ATC cards, keyed `wiki/<Section>/<name>.md`. A card that fails to render is a diagnostic, not a lost build.
 * `ready` holds cards rendered beforehand, keyed by their source object (RuleSource, DataSource, AtomicsSource);
 * the hashes they carry go into `hashes`, for the write step.
 */
export function renderWiki({ inputs, rules, catalogue }: WikiInput, diagnostics: Diagnostic[], ready?: ReadonlyMap<object, CardOutcome>, hashes?: HashMemo): OutputFiles {
  const files: OutputFiles = new Map()
  const add = (section: string, name: string, source: object & { path: string }, render: () => string) => {
    const key = `wiki/${section}/${safeFileName(name)}.md`
    if (files.has(key)) {
      diagnostics.push({ path: source.path, line: 1, col: 1, severity: 'warning', message: `another input already produced ${key}; this one is skipped, expected unique names`, code: 'duplicate-page' })
      return
    }
    const outcome = ready?.get(source) ?? renderCard(render)
    if ('deferred' in outcome) files.set(key, outcome.deferred)
    else if ('text' in outcome) {
      files.set(key, outcome.text)
      if (outcome.hash !== undefined) hashes?.set(key, { content: outcome.text, hash: outcome.hash })
    } else diagnostics.push({ path: source.path, line: 1, col: 1, severity: 'error', message: `cannot render ${section} card: ${outcome.error}`, code: 'render' })
  }
  for (const rule of rules) add('Detection_Rules', rule.source.stem, rule.source, () => renderRuleCard({ rule: rule.source, links: rule.links, conversions: rule.conversions }))
  // atc-data names pages after the file, not the title (38 corpus titles differ from their file names).
  const cross = { enrichments: inputs.enrichments, loggingPolicies: inputs.loggingPolicies, dataNeeded: inputs.dataNeeded }
  for (const source of inputs.dataNeeded) add('Data_Needed', source.stem, source, () => renderDataNeededCard({ source, ...cross }))
  for (const source of inputs.loggingPolicies) add('Logging_Policies', source.stem, source, () => renderLoggingPolicyCard({ source, ...cross }))
  for (const source of inputs.enrichments) add('Enrichments', source.stem, source, () => renderEnrichmentCard({ source, ...cross }))
  for (const atomics of inputs.atomics) add('Triggers', atomics.techniqueId, atomics, () => renderTriggerCard({ atomics, description: triggerDescription(catalogue, atomics.techniqueId) }))
  return files
}

/** The ATT&CK description a trigger card quotes. */
export function triggerDescription(catalogue: AttackCatalogue, techniqueId: string): string | undefined {
  return techniqueById(catalogue, techniqueId)?.description
}

export function renderCard(render: () => string): CardOutcome {
  try {
    return { text: render() }
  } catch (error) {
    return { error: (error as Error).message }
  }
}
