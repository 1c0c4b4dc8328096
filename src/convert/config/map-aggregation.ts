import type { Aggregation } from '../../sigma/condition-ast.js'
import type { SigmaRule } from '../../sigma/sigma-rule.js'
import { ConversionFailure } from '../search-tree.js'
import type { ConversionConfig } from './conversion-config.js'
import { conditionalTargets } from './field-mapping.js'
import { ruleValues } from './rule-values.js'

/**
 * Applies the configuration's field mappings to the fields of an aggregation (`count(x) by y`), as the
 * legacy converter did while parsing the condition: a field must map to exactly one name.
 */
export function mapAggregation(agg: Aggregation | null, rule: SigmaRule, config: ConversionConfig): Aggregation | null {
  if (!agg || agg.kind !== 'function') return agg
  const field = agg.field === null ? null : mapAggregationField(agg.field, rule, config)
  const groupBy = agg.groupBy === null ? null : mapAggregationField(agg.groupBy, rule, config)
  return field === agg.field && groupBy === agg.groupBy ? agg : { ...agg, field, groupBy }
}

function mapAggregationField(name: string, rule: SigmaRule, config: ConversionConfig): string {
  const mapping = config.fieldmappings.get(name)
  if (!mapping) return name
  if (mapping.kind === 'simple') return mapping.target
  const targets = mapping.kind === 'multi' ? [...new Set(mapping.targets)] : conditionalTargets(mapping, ruleValues(rule))
  // A conditional mapping without a matching condition falls back to its default list, which is never single valued.
  if (targets.length === 1 || (mapping.kind === 'conditional' && targets.length > 1)) return targets[0]!
  throw new ConversionFailure(`Field mappings in aggregations must be single valued (field '${name}')`, 'unsupported')
}
