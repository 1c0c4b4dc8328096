import { readFileSync } from 'node:fs'
import type { AttackCatalogue } from './catalogue.js'
import { packagePath } from '../package-root.js'

export const BUNDLED_CATALOGUE_PATH = packagePath('data', 'attack-catalogue.json')

let bundled: AttackCatalogue | undefined

/** The catalogue shipped with the package, read once; a build never needs the network. */
export function loadCatalogue(): AttackCatalogue {
  bundled ??= readCatalogue(BUNDLED_CATALOGUE_PATH)
  return bundled
}

/** Reads a catalogue written by `attack-update`; throws naming the file when it is not one. */
export function readCatalogue(path: string): AttackCatalogue {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read ATT&CK catalogue ${path}: ${(error as Error).message}`)
  }
  const v = value as Partial<AttackCatalogue> | null
  if (!v || !Array.isArray(v.tactics) || !Array.isArray(v.legacyTactics) || !Array.isArray(v.techniques)) {
    throw new Error(`${path} is not an ATT&CK catalogue: expected {source, tactics[], legacyTactics[], techniques[]} (run attack-update)`)
  }
  return v as AttackCatalogue
}
