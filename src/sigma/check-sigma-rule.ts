import { MODIFIERS } from './modifiers/registry.js'
import type { ConditionNode } from './condition-ast.js'
import { resolveRuleDocuments } from './rule-documents.js'
import { readSigmaRule, type DefinitionBody } from './sigma-rule.js'

/**
 * A problem in a rule's detection, located by its YAML path (document index first) and, for
 * conditions, the offset in the condition string, so callers can turn it into `line:col`.
 */
export interface SigmaIssue {
  code: 'unknown-modifier' | 'misplaced-modifier' | 'condition-syntax' | 'unknown-search-id' | 'not-convertible' | 'rule-structure'
  message: string
  severity: 'error' | 'warning'
  /** `[documentIndex, 'detection', name, key]` and similar. */
  path: (string | number)[]
  /** For condition problems: 0-based offset in the condition text. */
  offset?: number
}

/** Static checks of every rule document: modifiers, condition syntax and references. Never throws. */
export function checkSigmaRule(documents: readonly unknown[]): SigmaIssue[] {
  const issues: SigmaIssue[] = []
  const resolved = resolveRuleDocuments(documents)
  if (resolved.error) issues.push({ code: 'rule-structure', message: resolved.error, severity: 'error', path: [] })
  for (const doc of resolved.documents) {
    if (doc.kind === 'correlation' || doc.kind === 'filter') {
      issues.push({ code: 'not-convertible', message: `Sigma ${doc.kind} rules are recognised but not converted`, severity: 'warning', path: [doc.index, doc.kind] })
      continue
    }
    const rule = readSigmaRule(doc.doc)
    for (const error of rule.errors) issues.push({ code: 'rule-structure', message: error, severity: 'error', path: [doc.index, 'detection'] })
    for (const def of rule.definitions) checkBody(def.body, [doc.index, 'detection', def.name], issues)
    const names = rule.definitions.map((d) => d.name)
    rule.conditions.forEach((c, i) => {
      const path = typeof doc.doc['detection'] === 'object' && Array.isArray((doc.doc['detection'] as Record<string, unknown>)['condition'])
        ? [doc.index, 'detection', 'condition', i] : [doc.index, 'detection', 'condition']
      if (!c.parsed.ok) {
        issues.push({ code: 'condition-syntax', message: c.parsed.error.message, severity: 'error', path, offset: c.parsed.error.offset })
        return
      }
      for (const ref of references(c.parsed.value.search)) {
        const known = ref.target === 'them' || (ref.target.includes('*') ? names.some((n) => patternOf(ref.target).test(n)) : names.includes(ref.target))
        if (!known) issues.push({ code: 'unknown-search-id', message: `condition refers to '${ref.target}', which is not in detection`, severity: 'error', path, offset: ref.offset })
      }
    })
  }
  return issues
}

function checkBody(body: DefinitionBody, path: (string | number)[], issues: SigmaIssue[]): void {
  if (body.kind === 'list') body.entries.forEach((e, i) => e.kind === 'nested' && checkBody(e.body, [...path, i], issues))
  if (body.kind !== 'map') return
  for (const item of body.items) {
    item.modifiers.forEach((name, i) => {
      const modifier = MODIFIERS.get(name)
      if (!modifier) {
        issues.push({ code: 'unknown-modifier', message: `unknown modifier '${name}' in '${item.key}'`, severity: 'error', path: [...path, item.key] })
      } else if (modifier.after && !item.modifiers.slice(0, i).includes(modifier.after)) {
        issues.push({ code: 'misplaced-modifier', message: `modifier '${name}' must follow '${modifier.after}' in '${item.key}'`, severity: 'error', path: [...path, item.key] })
      }
    })
  }
}

function references(node: ConditionNode): { target: string; offset: number }[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...references(node.left), ...references(node.right)]
    case 'not':
      return references(node.operand)
    case 'group':
      return references(node.inner)
    case 'ref':
      return [{ target: node.name, offset: node.offset }]
    case 'oneOf':
    case 'allOf':
      return [{ target: node.target, offset: node.offset }]
  }
}

const patternOf = (target: string): RegExp => new RegExp('^' + target.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$', 'u')
