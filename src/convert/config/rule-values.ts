import { pyStr } from '../../sigma/python-text.js'
import type { DefinitionBody, SigmaRule } from '../../sigma/sigma-rule.js'
import type { RuleValues } from './field-mapping.js'

/** `detection key → str(value)` over every map of the rule's detection, for conditional field mappings. */
export function ruleValues(rule: SigmaRule): RuleValues {
  const values = new Map<string, Set<string>>()
  const visit = (body: DefinitionBody): void => {
    if (body.kind === 'map') {
      for (const item of body.items) {
        const set = values.get(item.key) ?? new Set<string>()
        set.add(pyStr(item.value))
        values.set(item.key, set)
      }
    } else if (body.kind === 'list') {
      for (const entry of body.entries) if (entry.kind === 'nested') visit(entry.body)
    }
  }
  for (const def of rule.definitions) visit(def.body)
  return values
}
