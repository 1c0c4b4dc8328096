import { readFileSync } from 'node:fs'
import type { BuildConfig } from '../config.js'
import { BACKENDS } from '../model.js'
import { hashOf } from './hash.js'

/** The converter configs a build uses: a changed or removed config file changes every rule's key. */
export function converterFingerprint(config: Pick<BuildConfig, 'converterConfigs'>): string {
  const parts: string[] = []
  for (const backend of BACKENDS) {
    const path = config.converterConfigs[backend]
    if (!path) continue
    let content: string
    try {
      content = readFileSync(path, 'utf8')
    } catch {
      content = '\u0000missing'
    }
    parts.push(backend, path, content)
  }
  return hashOf(...parts)
}
