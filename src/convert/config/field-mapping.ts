/**
 * A field mapping from a converter configuration: one target, several targets (OR-ed), or targets
 * chosen by the value another field has in the rule (`EventID=4624: [a, b]`, with a `default`).
 */
export type FieldMapping =
  | { kind: 'simple'; source: string; target: string }
  | { kind: 'multi'; source: string; targets: string[] }
  | { kind: 'conditional'; source: string; conditions: Map<string, Map<string, string[]>>; defaults: string[] | null }

export type FieldMappingResult = { ok: true; mapping: FieldMapping } | { ok: false; message: string }

export function readFieldMapping(source: string, target: unknown): FieldMappingResult {
  if (target === null || target === undefined) return { ok: true, mapping: { kind: 'simple', source, target: source } }
  if (typeof target === 'string') return { ok: true, mapping: { kind: 'simple', source, target } }
  if (Array.isArray(target)) {
    if (!target.every((t) => typeof t === 'string')) return { ok: false, message: `field mapping of '${source}': list targets must be strings` }
    return { ok: true, mapping: { kind: 'multi', source, targets: target as string[] } }
  }
  if (typeof target === 'object') {
    const conditions = new Map<string, Map<string, string[]>>()
    let defaults: string[] | null = null
    for (const [condition, value] of Object.entries(target as Record<string, unknown>)) {
      const targets = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null
      if (!targets) return { ok: false, message: `field mapping of '${source}': '${condition}' must map to a name or a list of names` }
      const parts = condition.split('=')
      if (parts.length === 2) {
        const [field, fieldValue] = parts as [string, string]
        const byValue = conditions.get(field) ?? new Map<string, string[]>()
        conditions.set(field, byValue)
        byValue.set(fieldValue, [...(byValue.get(fieldValue) ?? []), ...targets])
      } else if (condition === 'default') {
        defaults = targets
      } else {
        return { ok: false, message: `field mapping of '${source}': expected 'field=value' or 'default', got '${condition}'` }
      }
    }
    return { ok: true, mapping: { kind: 'conditional', source, conditions, defaults } }
  }
  return { ok: false, message: `field mapping of '${source}': expected a name, a list or a map, got ${String(target)}` }
}

/** The rule's `field → values` table used by conditional mappings (values as Python `str()` text). */
export type RuleValues = ReadonlyMap<string, ReadonlySet<string>>

/** Target names of a conditional mapping for this rule, in first-seen order (the legacy converter used an unordered set). */
export function conditionalTargets(mapping: Extract<FieldMapping, { kind: 'conditional' }>, values: RuleValues): string[] {
  const targets: string[] = []
  for (const [field, byValue] of mapping.conditions) {
    const ruleValues = values.get(field)
    if (!ruleValues) continue
    for (const [value, names] of byValue) {
      if (!ruleValues.has(value)) continue
      for (const name of names) if (!targets.includes(name)) targets.push(name)
    }
  }
  return targets
}
