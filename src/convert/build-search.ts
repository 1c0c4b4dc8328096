import type { ConditionNode } from '../sigma/condition-ast.js'
import { applyModifiers, MODIFIERS } from '../sigma/modifiers/registry.js'
import { isGroup, isTyped, type ModValue, type ValueGroup } from '../sigma/modifiers/modifier-value.js'
import { pyStr } from '../sigma/python-text.js'
import type { DefinitionBody, DetectionItem, SigmaRule } from '../sigma/sigma-rule.js'
import type { ConversionConfig } from './config/conversion-config.js'
import { conditionalTargets, type RuleValues } from './config/field-mapping.js'
import { matchLogsource } from './config/match-logsource.js'
import { ruleValues } from './config/rule-values.js'
import { cidrWildcards } from './cidr-wildcards.js'
import { optimizeTree } from './optimize-tree.js'
import { and, ConversionFailure, mapItem, or, sub, type SearchNode } from './search-tree.js'

export interface BuildOptions {
  config: ConversionConfig
  /** Field name the backend uses to select indices (`index` for Splunk), if any. */
  indexField: string | null
  /** false: shape the tree exactly like the legacy converter, failing where it failed. */
  extended: boolean
  /** The backend matches CIDR networks itself (otherwise they become wildcard patterns). */
  nativeCidr?: boolean
}

/** Builds the optimised query tree of one condition of a rule. */
export function buildSearch(rule: SigmaRule, condition: ConditionNode, options: BuildOptions): SearchNode {
  const builder = new SearchBuilder(rule, options)
  let tree = builder.condition(condition)
  if (rule.logsource) tree = and([builder.logsourceCondition(), tree])
  return optimizeTree(tree)
}

class SearchBuilder {
  private values: RuleValues | null = null

  constructor(private readonly rule: SigmaRule, private readonly options: BuildOptions) {}

  condition(node: ConditionNode): SearchNode {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { t: node.kind, items: [this.condition(node.left), this.condition(node.right)] }
      case 'not':
        return { t: 'not', item: this.condition(node.operand) }
      case 'group':
        return sub(optimizeTree(this.condition(node.inner)))
      case 'ref':
        return sub(this.definitionByName(node.name, null))
      case 'oneOf':
      case 'allOf':
        return this.xOf(node.target, node.kind === 'oneOf' ? 'or' : 'and')
    }
  }

  private xOf(target: string, op: 'and' | 'or'): SearchNode {
    const pattern = target === 'them' ? /^/ : target.indexOf('*') > 0 ? new RegExp('^' + target.replace(/\*/g, '.*') + '$', 'u') : null
    if (!pattern) return sub(this.definitionByName(target, op))
    const items = this.rule.definitions
      .filter((d) => d.name !== 'timeframe' && pattern.test(d.name))
      .map((d) => sub(this.definition(d.body, null)))
    return sub({ t: op, items })
  }

  private definitionByName(name: string, override: 'and' | 'or' | null): SearchNode {
    const def = this.rule.definitions.find((d) => d.name === name)
    if (!def) throw new ConversionFailure(`Unknown definition '${name}'`, 'invalid')
    return this.definition(def.body, override)
  }

  private definition(body: DefinitionBody, override: 'and' | 'or' | null): SearchNode {
    if (body.kind === 'list') {
      const items = body.entries.map((entry): SearchNode => {
        if (entry.kind === 'keyword') return { t: 'value', value: entry.value }
        if (entry.kind === 'nested') return this.definition(entry.body, null)
        throw new ConversionFailure('Definition list may only contain plain values or maps', 'invalid')
      })
      return { t: override ?? 'or', items }
    }
    if (body.kind === 'map') return and(body.items.map((item) => this.detectionItem(item)))
    throw new ConversionFailure(`Expected map or list, got ${pyStr(body.value)}`, 'invalid')
  }

  private detectionItem(item: DetectionItem): SearchNode {
    const result = applyModifiers(item.value as ModValue, item.modifiers)
    if (!result.ok) {
      const kind = result.unknown ? 'invalid' : 'unsupported'
      throw new ConversionFailure(`${item.key}: ${result.message}`, kind)
    }
    if (!this.options.extended) this.checkLegacyModifiers(item)
    const value = this.options.extended ? this.normalize(result.value) : result.value
    // Groups are added as a bare AND/OR (the legacy converter unwrapped even its parenthesised ones).
    if (isGroup(value)) return { t: value.op, items: value.items.map((v) => this.resolveValue(item.field, v)) }
    if (this.options.extended && Array.isArray(value) && value.some((v) => v === null || isTyped(v))) return this.splitList(item.field, value)
    return this.resolve(item.field, value)
  }

  /** Extended mode also expands groups nested in groups (e.g. `windash` after `all`). */
  private resolveValue(field: string, value: ModValue): SearchNode {
    if (this.options.extended && isGroup(value)) return sub({ t: value.op, items: value.items.map((v) => this.resolveValue(field, v)) })
    return this.resolve(field, value)
  }

  /** Extended mode: booleans compare as text, CIDR networks become wildcard patterns where needed. */
  private normalize(value: ModValue): ModValue {
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    if (value instanceof Date || (typeof value === 'number' && !Number.isInteger(value))) return pyStr(value)
    if (Array.isArray(value)) return value.map((v) => this.normalize(v))
    if (!isTyped(value)) return value
    if (value.kind === 'cidr' && !this.options.nativeCidr) {
      const patterns = cidrWildcards(value.network)
      if (!patterns) throw new ConversionFailure(`cidr modifier (network ${value.network})`, 'unsupported')
      return patterns
    }
    if (value.kind === 'group') {
      const items = value.items.map((v) => this.normalize(v))
      // Networks listed under one field: one flat any-of list of their patterns.
      const networks = value.items.some((v) => isTyped(v) && v.kind === 'cidr')
      if (networks && value.op === 'or' && items.every((v) => Array.isArray(v) || typeof v === 'string')) return items.flat() as ModValue[]
      return { ...value, items }
    }
    return value
  }

  /** A list mixing plain values with nulls and groups: the plain ones stay a list, the others become alternatives. */
  private splitList(field: string, values: ModValue[]): SearchNode {
    const plain = values.filter((v) => v !== null && !isTyped(v))
    const parts: SearchNode[] = plain.length > 0 ? [this.resolve(field, plain)] : []
    if (values.includes(null)) parts.push(this.resolve(field, null))
    for (const v of values) {
      if (!isTyped(v)) continue
      if (isGroup(v)) parts.push(sub({ t: v.op, items: (v as ValueGroup).items.map((i) => this.resolve(field, i)) }))
      else parts.push(this.resolve(field, v))
    }
    return sub(or(parts))
  }

  private checkLegacyModifiers(item: DetectionItem): void {
    for (const name of item.modifiers) {
      const legacy = MODIFIERS.get(name)?.legacy
      if (legacy === 'rejected') throw new ConversionFailure(`Cannot convert the rule. Unsupported new ${name} modifier by SIGMAC.`)
      if (legacy !== 'known') throw new ConversionFailure(`KeyError: '${name}'`)
    }
  }

  /** Applies the configuration's field mapping to one `field: value` pair. */
  resolve(field: string, value: ModValue): SearchNode {
    const mapping = this.options.config.fieldmappings.get(field)
    if (!mapping) return mapItem(field, value)
    if (mapping.kind === 'simple') return mapItem(mapping.target, value)
    if (mapping.kind === 'multi') {
      return mapping.targets.length === 1 ? mapItem(mapping.targets[0]!, value) : sub(or(mapping.targets.map((t) => mapItem(t, value))))
    }
    let targets = conditionalTargets(mapping, this.ruleValues())
    if (targets.length === 0 && mapping.defaults) targets = mapping.defaults
    const one = (name: string): SearchNode => (value === null ? { t: 'null', field: name } : mapItem(name, value))
    if (targets.length === 0) return one(mapping.source)
    if (targets.length === 1) return one(targets[0]!)
    return sub(or(targets.map(one)))
  }

  logsourceCondition(): SearchNode {
    const ls = this.rule.logsource
    if (!ls) return and([])
    const matched = matchLogsource(this.options.config, ls)
    const items = matched.conditions.map(([field, value]) => this.resolve(field, value as ModValue))
    const indexField = this.options.indexField
    if (indexField && matched.index.length > 0) {
      items.push(matched.index.length > 1 ? or(matched.index.map((i) => mapItem(indexField, i))) : mapItem(indexField, matched.index[0]!))
    }
    return and(items)
  }

  private ruleValues(): RuleValues {
    this.values ??= ruleValues(this.rule)
    return this.values
  }
}
