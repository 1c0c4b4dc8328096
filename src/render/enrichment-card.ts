import { readEnrichment } from '../load/atc-data-model.js'
import { atcDataTemplate } from './atc-data-template.js'
import type { AtcDataCardInput } from './atc-data-card-input.js'

/** The Enrichment card exactly as atc-data's generator writes it. Problems in the document are reported by `readEnrichment`. */
export function renderEnrichmentCard(input: AtcDataCardInput): string {
  return atcDataTemplate('enrichment')(readEnrichment(input.source).value)
}
