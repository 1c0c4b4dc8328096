import { parseAllDocuments } from 'yaml'
import type { YamlMap } from '../../model.js'
import { isMap } from '../../sigma/rule-documents.js'
import { readFieldMapping, type FieldMapping } from './field-mapping.js'

/** A `logsources` entry: which rules it matches and what it adds to their queries. */
export interface LogsourceEntry {
  name: string
  category: string | null
  product: string | null
  service: string | null
  index: string[]
  /** `field: value` pairs (value may be a list), AND-ed into the query. */
  conditions: [string, unknown][]
}

/** A legacy converter configuration (`tools/config/*.yml`), parsed once and reused for every rule. */
export interface ConversionConfig {
  title: string
  backends: string[] | null
  fieldmappings: ReadonlyMap<string, FieldMapping>
  logsources: LogsourceEntry[]
  defaultindex: string[] | null
  /** The whole document, for backend-specific options such as `dateField`. */
  raw: YamlMap
}

export type ConfigResult = { ok: true; config: ConversionConfig } | { ok: false; message: string }

export const EMPTY_CONFIG: ConversionConfig = {
  title: '', backends: null, fieldmappings: new Map(), logsources: [], defaultindex: null, raw: {},
}

/** Parsed configuration documents kept between processes, by the configuration's text (the build cache). */
export interface RawConfigCache {
  get(text: string): YamlMap | undefined
  put(text: string, raw: YamlMap): void
}

export function parseConversionConfig(text: string, path = 'config', cache?: RawConfigCache): ConfigResult {
  // Parsing with the YAML 1.1 parser is most of a new process's cost of converting its first rule.
  const kept = cache?.get(text)
  if (kept !== undefined) return readConversionConfig(kept, path)
  const docs = parseAllDocuments(text, { version: '1.1' })
  const list = Array.isArray(docs) ? docs : []
  const first = list[0]
  if (!first) return { ok: false, message: `${path}: empty configuration` }
  if (first.errors.length > 0) return { ok: false, message: `${path}: invalid YAML: ${first.errors[0]!.message.split('\n')[0]}` }
  const raw = first.toJS() as unknown
  if (!isMap(raw)) return { ok: false, message: `${path}: configuration must be a map` }
  const result = readConversionConfig(raw, path)
  if (result.ok) cache?.put(text, raw)
  return result
}

export function readConversionConfig(raw: YamlMap, path = 'config'): ConfigResult {
  const fieldmappings = new Map<string, FieldMapping>()
  const fm = raw['fieldmappings']
  if (fm !== undefined && fm !== null) {
    if (!isMap(fm)) return { ok: false, message: `${path}: fieldmappings must be a map` }
    for (const [source, target] of Object.entries(fm)) {
      const result = readFieldMapping(source, target)
      if (!result.ok) return { ok: false, message: `${path}: ${result.message}` }
      fieldmappings.set(source, result.mapping)
    }
  }
  const logsources: LogsourceEntry[] = []
  const ls = raw['logsources']
  if (ls !== undefined && ls !== null) {
    if (!isMap(ls)) return { ok: false, message: `${path}: logsources must be a map` }
    for (const [name, entry] of Object.entries(ls)) {
      const parsed = readLogsource(name, entry)
      if (typeof parsed === 'string') return { ok: false, message: `${path}: ${parsed}` }
      logsources.push(parsed)
    }
  }
  const di = raw['defaultindex']
  const defaultindex = typeof di === 'string' ? [di] : Array.isArray(di) && di.every((i) => typeof i === 'string') ? (di as string[]) : null
  const backends = Array.isArray(raw['backends']) ? (raw['backends'] as unknown[]).map(String) : null
  return { ok: true, config: { title: typeof raw['title'] === 'string' ? raw['title'] : '', backends, fieldmappings, logsources, defaultindex, raw } }
}

function readLogsource(name: string, entry: unknown): LogsourceEntry | string {
  if (!isMap(entry)) return `logsource '${name}' must be a map`
  const text = (key: string): string | null | undefined => {
    const v = entry[key]
    if (v === undefined || v === null) return null
    return typeof v === 'string' ? v : undefined
  }
  const category = text('category')
  const product = text('product')
  const service = text('service')
  if (category === undefined || product === undefined || service === undefined) return `logsource '${name}': category, product and service must be strings`
  if (category === null && product === null && service === null) return `logsource '${name}' matches no rule (no category, product or service)`
  const index = entry['index']
  const indexList = typeof index === 'string' ? [index] : Array.isArray(index) ? index.map(String) : []
  const conditions = entry['conditions']
  if (conditions !== undefined && !isMap(conditions)) return `logsource '${name}': conditions must be a map`
  return { name, category, product, service, index: indexList, conditions: conditions ? Object.entries(conditions) : [] }
}
