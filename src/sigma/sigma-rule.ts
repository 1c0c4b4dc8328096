import type { YamlMap } from '../model.js'
import type { ConditionResult } from './condition-ast.js'
import { parseCondition } from './parse-condition.js'
import { isMap } from './rule-documents.js'

/** `field|mod1|mod2: value` */
export interface DetectionItem {
  /** The key as written, modifiers included. */
  key: string
  field: string
  modifiers: string[]
  value: unknown
}

export type DefinitionBody =
  | { kind: 'map'; items: DetectionItem[] }
  /** A list: keywords (plain values) and/or nested maps and lists. */
  | { kind: 'list'; entries: ListEntry[] }
  /** Anything else (e.g. `timeframe: 5m`); referencing it is an error. */
  | { kind: 'invalid'; value: unknown }

export type ListEntry =
  | { kind: 'keyword'; value: string | number }
  | { kind: 'nested'; body: DefinitionBody }
  | { kind: 'invalid'; value: unknown }

export interface Definition {
  name: string
  body: DefinitionBody
}

export interface RuleCondition {
  text: string
  parsed: ConditionResult
}

export interface Logsource {
  category: unknown
  product: unknown
  service: unknown
}

/** A Sigma detection rule in typed form (one YAML document). */
export interface SigmaRule {
  doc: YamlMap
  /** Detection entries other than `condition`, in file order (`timeframe` included, as in sigmac). */
  definitions: Definition[]
  conditions: RuleCondition[]
  /** null when the rule has no `logsource` key. */
  logsource: Logsource | null
  /** Problems that make the rule unusable, e.g. a missing condition. */
  errors: string[]
}

export function readSigmaRule(doc: YamlMap): SigmaRule {
  const errors: string[] = []
  const detection = doc['detection']
  const definitions: Definition[] = []
  const conditions: RuleCondition[] = []
  if (!isMap(detection)) {
    errors.push('No detection definitions found')
  } else {
    for (const [name, value] of Object.entries(detection)) {
      if (name !== 'condition') definitions.push({ name, body: readDefinition(value) })
    }
    const condition = detection['condition']
    const texts = typeof condition === 'string' ? [condition] : Array.isArray(condition) ? condition : null
    if (!texts) errors.push(condition === undefined ? 'No condition found' : 'condition must be a string or a list of strings')
    for (const text of texts ?? []) {
      if (typeof text !== 'string') errors.push(`condition must be a string, got ${JSON.stringify(text)}`)
      else conditions.push({ text, parsed: parseCondition(text) })
    }
  }
  const ls = doc['logsource']
  const logsource = isMap(ls) ? { category: ls['category'] ?? null, product: ls['product'] ?? null, service: ls['service'] ?? null } : null
  return { doc, definitions, conditions, logsource: 'logsource' in doc ? logsource ?? { category: null, product: null, service: null } : null, errors }
}

export function readDefinition(value: unknown): DefinitionBody {
  if (Array.isArray(value)) {
    return {
      kind: 'list',
      entries: value.map((entry): ListEntry => {
        if (typeof entry === 'string' || (typeof entry === 'number' && Number.isInteger(entry))) return { kind: 'keyword', value: entry }
        if (Array.isArray(entry) || isMap(entry)) return { kind: 'nested', body: readDefinition(entry) }
        return { kind: 'invalid', value: entry }
      }),
    }
  }
  if (isMap(value)) {
    return {
      kind: 'map',
      items: Object.entries(value).map(([key, v]) => {
        const [field, ...modifiers] = key.split('|')
        return { key, field: field!, modifiers, value: v }
      }),
    }
  }
  return { kind: 'invalid', value }
}
