import { parseAllDocuments } from 'yaml'
import { loadDataSources } from '../../src/load/load-data-sources.js'
import type { RuleSource, YamlMap } from '../../src/model.js'

/** A RuleSource straight from YAML text (no schema checks: the link step must cope with odd rules). */
export function ruleFromYaml(text: string, stem = 'test_rule'): RuleSource {
  const documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: false })
  const list = Array.isArray(documents) ? documents : []
  return { path: `${stem}.yml`, stem, text, documents: list.map((d) => d.toJS() as YamlMap).filter((d) => d !== null && typeof d === 'object') }
}

const dir = (name: string) => new URL(`../fixtures/link/${name}`, import.meta.url).pathname
export const dataNeeded = loadDataSources(dir('data_needed'), 'Data Needed').items
export const enrichments = loadDataSources(dir('enrichments'), 'Enrichment').items
