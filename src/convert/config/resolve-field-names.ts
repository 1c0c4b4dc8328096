import { pyStr } from '../../sigma/python-text.js'
import type { SigmaRule } from '../../sigma/sigma-rule.js'
import type { ConversionConfig } from './conversion-config.js'
import { conditionalTargets } from './field-mapping.js'
import { ruleValues } from './rule-values.js'

/** Target names of a rule's `fields` list (for `| table` and e-mail bodies), mappings applied. */
export function resolveFieldNames(config: ConversionConfig, rule: SigmaRule, fields: unknown[]): string[] {
  const out: string[] = []
  for (const raw of fields) {
    const field = pyStr(raw)
    const mapping = config.fieldmappings.get(field)
    if (!mapping) out.push(field)
    else if (mapping.kind === 'simple') out.push(mapping.target)
    else if (mapping.kind === 'multi') out.push(...mapping.targets)
    else {
      const targets = conditionalTargets(mapping, ruleValues(rule))
      out.push(...(targets.length > 0 ? targets.slice(0, 1) : mapping.defaults ?? [field]))
    }
  }
  return out
}
