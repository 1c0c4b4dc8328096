import { readFileSync } from 'node:fs'
import { BUNDLED_CATALOGUE_PATH, loadCatalogue, type AttackCatalogue } from '../attack/index.js'
import { hashOf } from './hash.js'

/** The ATT&CK catalogue the tool ships, loaded once per process, with the content hash of its file. */
let bundled: { value: AttackCatalogue; fingerprint: string } | undefined

export function bundledCatalogue(): { value: AttackCatalogue; fingerprint: string } {
  bundled ??= { value: loadCatalogue(), fingerprint: hashOf(readFileSync(BUNDLED_CATALOGUE_PATH)) }
  return bundled
}
