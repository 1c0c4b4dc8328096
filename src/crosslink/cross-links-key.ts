import { hashOf } from '../cache/hash.js'
import type { CatalogueView } from './catalogue-view.js'
import type { WikiModel } from './wiki-model.js'

/** Bump when what buildCrossLinks produces changes for the same inputs. */
const VERSION = 'cross-links-1'

/**
 * Everything the cross-links are made from, as one content hash: each rule's file, links and conversion
 * outcomes, the atc-data documents, the trigger ids, the catalogue and the options.
 */
export function crossLinksKey(model: WikiModel, catalogue: CatalogueView, options: object, salt: string): string {
  const parts: string[] = [VERSION, salt, JSON.stringify(options), JSON.stringify(catalogue)]
  for (const rule of model.rules) {
    parts.push(rule.source.path, rule.source.text, JSON.stringify(rule.links), JSON.stringify(rule.conversions.map((c) => [c.backend, c.ok, c.reason ?? (c.ok ? '' : c.text)])))
  }
  for (const list of [model.dataNeeded, model.loggingPolicies, model.enrichments]) {
    parts.push(String(list.length))
    for (const source of list) parts.push(source.path, source.stem, source.title, JSON.stringify(source.doc))
  }
  parts.push(model.atomics.map((a) => a.techniqueId).join(' '))
  return hashOf(...parts)
}
