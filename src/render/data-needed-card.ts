import { readDataNeeded } from '../load/atc-data-model.js'
import { atcDataTemplate } from './atc-data-template.js'
import type { AtcDataCardInput } from './atc-data-card-input.js'

/** The Data Needed card exactly as atc-data's generator writes it. Problems in the document are reported by `readDataNeeded`. */
export function renderDataNeededCard(input: AtcDataCardInput): string {
  return atcDataTemplate('data-needed')(readDataNeeded(input.source).value)
}
