import type { Check, Finding, RuleFile } from '../check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

interface IdUse { rule: RuleFile; doc: number }

export const idDuplicate: Check = {
  id: 'id-duplicate',
  severity: 'error',
  description: 'no two rules share an id (compared across every rule of the repository)',
  run(context) {
    const uses = new Map<string, IdUse[]>()
    for (const rule of context.rules) {
      for (const { index, doc } of ruleDocuments(rule)) {
        if (typeof doc.id !== 'string' || doc.id === '') continue
        const key = doc.id.toLowerCase()
        uses.set(key, [...(uses.get(key) ?? []), { rule, doc: index }])
      }
    }
    const out: Finding[] = []
    for (const [id, list] of uses) {
      if (list.length < 2) continue
      for (const use of list) {
        if (!use.rule.target) continue
        const others = list.filter((o) => o !== use).map((o) => (o.rule === use.rule ? `document ${o.doc + 1} of this file` : o.rule.path))
        out.push(atValue(use.rule, ['id'], `id ${id} is also used by ${others.join(', ')}; expected every rule to have its own id`, use.doc))
      }
    }
    return out
  },
}
