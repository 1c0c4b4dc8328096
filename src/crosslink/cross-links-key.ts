import { hashOf } from '../cache/hash.js'
import { factsStamp } from './facts-stamp.js'
import type { CatalogueView } from './catalogue-view.js'
import type { WikiModel } from './wiki-model.js'

/** Bump when what buildCrossLinks produces changes for the same inputs. */
const VERSION = 'cross-links-4'

/**
 * Everything the cross-links are made from, as one content hash: what they read of each rule (factsStamp),
 * the atc-data documents, the trigger ids, the catalogue and the options.
 */
export function crossLinksKey(model: WikiModel, catalogue: CatalogueView, options: object, salt: string): string {
  const parts: string[] = [VERSION, salt, JSON.stringify(options), catalogueText(catalogue)]
  for (const rule of model.rules) parts.push(factsStamp(rule))
  for (const list of [model.dataNeeded, model.loggingPolicies, model.enrichments]) {
    parts.push(String(list.length))
    for (const source of list) parts.push(source.path, source.stem, source.title, JSON.stringify(source.doc))
  }
  parts.push(model.atomics.map((a) => a.techniqueId).join(' '))
  return hashOf(...parts)
}

const catalogueTexts = new WeakMap<CatalogueView, string>()

/** The catalogue as JSON, for keys; made once per catalogue object (the bundled one lives as long as the process). */
export function catalogueText(catalogue: CatalogueView): string {
  let text = catalogueTexts.get(catalogue)
  if (text === undefined) catalogueTexts.set(catalogue, (text = JSON.stringify(catalogue)))
  return text
}
