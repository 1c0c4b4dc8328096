import { readLoggingPolicy } from '../load/atc-data-model.js'
import { atcDataTemplate } from './atc-data-template.js'
import type { AtcDataCardInput } from './atc-data-card-input.js'

/** The Logging Policy card exactly as atc-data's generator writes it. Problems in the document are reported by `readLoggingPolicy`. */
export function renderLoggingPolicyCard(input: AtcDataCardInput): string {
  return atcDataTemplate('logging-policy')(readLoggingPolicy(input.source).value)
}
