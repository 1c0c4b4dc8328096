import { parseCondition } from '../sigma/index.js'
import type { ConditionNode, ConditionResult, ParsedCondition } from '../sigma/index.js'
import { nodeAt } from '../load/index.js'
import type { Finding, RuleFile } from './check.js'
import type { YamlPath } from './locate.js'
import type { RuleDetection } from './rule-detections.js'

export interface RuleCondition {
  text: string
  doc: number
  path: YamlPath
  parsed: ConditionResult
}

const parsedCache = new WeakMap<RuleDetection, RuleCondition[]>()

/** The condition strings of a detection (a list gives several), each parsed once with the project's Sigma parser. */
export function ruleConditions(detection: RuleDetection): RuleCondition[] {
  const cached = parsedCache.get(detection)
  if (cached) return cached
  const condition = detection.condition
  const out: RuleCondition[] = []
  if (condition && typeof condition.value === 'string') out.push({ text: condition.value, doc: condition.doc, path: ['detection', 'condition'], parsed: parseCondition(condition.value) })
  if (condition && Array.isArray(condition.value)) {
    condition.value.forEach((text, i) => {
      if (typeof text === 'string') out.push({ text, doc: condition.doc, path: ['detection', 'condition', i], parsed: parseCondition(text) })
    })
  }
  parsedCache.set(detection, out)
  return out
}

/** A finding at `offset` inside a condition string, mapped back to the file when the string is written on one line. */
export function atConditionOffset(rule: RuleFile, condition: RuleCondition, offset: number, message: string): Finding {
  const document = rule.documents[condition.doc]
  const node = document ? nodeAt(document, condition.path) : null
  const start = node?.range?.[0] ?? 0
  const raw = rule.source.text.slice(start, node?.range?.[1] ?? start)
  const at = raw.indexOf(condition.text)
  const position = rule.source.lineCounter.linePos(at >= 0 ? start + at + offset : start)
  return { path: rule.path, line: position.line, col: position.col, message }
}

/** Every search-identifier reference of a condition: plain names and `1 of`/`all of` targets. */
export function conditionReferences(node: ConditionNode): { name: string; pattern: boolean; offset: number }[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...conditionReferences(node.left), ...conditionReferences(node.right)]
    case 'not':
      return conditionReferences(node.operand)
    case 'group':
      return conditionReferences(node.inner)
    case 'ref':
      return [{ name: node.name, pattern: false, offset: node.offset }]
    case 'oneOf':
    case 'allOf':
      return [{ name: node.target, pattern: true, offset: node.offset }]
  }
}

/** Which selection names a `1 of`/`all of` target covers (`them`: all; `sel*`: by wildcard). */
export function patternMatches(pattern: string, names: readonly string[]): string[] {
  if (pattern === 'them') return [...names]
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
  return names.filter((n) => regex.test(n))
}

/** Every name a parsed condition refers to, the `near` aggregation's included. */
export function conditionNames(parsed: ParsedCondition): { name: string; pattern: boolean; offset: number }[] {
  const out = conditionReferences(parsed.search)
  const agg = parsed.aggregation
  if (agg?.kind === 'near') for (const name of [...agg.include, ...agg.exclude]) out.push({ name, pattern: name.includes('*'), offset: agg.offset })
  return out
}
