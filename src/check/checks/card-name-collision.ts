import { safeFileName } from '../../write/index.js'
import type { Check, Finding, RuleFile } from '../check.js'
import { atDocument } from '../locate.js'

export const cardNameCollision: Check = {
  id: 'card-name-collision',
  severity: 'error',
  description: 'no two rule files share a file name: each card is named after its rule file, so one would replace the other',
  run(context) {
    const byCard = new Map<string, RuleFile[]>()
    for (const rule of context.rules) {
      const card = `${safeFileName(rule.ruleSource.stem)}.md`
      byCard.set(card, [...(byCard.get(card) ?? []), rule])
    }
    const out: Finding[] = []
    for (const [card, rules] of byCard) {
      if (rules.length < 2) continue
      for (const rule of rules) {
        if (!rule.target) continue
        const others = rules.filter((r) => r !== rule).map((r) => r.path)
        out.push(atDocument(rule, `card Detection_Rules/${card} is also produced by ${others.join(', ')}; only one of them gets a card, expected unique rule file names`))
      }
    }
    return out
  },
}
