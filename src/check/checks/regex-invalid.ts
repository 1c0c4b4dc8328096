import type { Finding } from '../check.js'
import { compileSigmaRegex } from '../compile-sigma-regex.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { itemValues, ownDetectionItems } from '../rule-detections.js'

export const regexInvalid = ruleCheck(
  { id: 'regex-invalid', severity: 'error', description: 'every |re value is a regular expression that compiles' },
  (rule) => {
    const out: Finding[] = []
    for (const { selection, item } of ownDetectionItems(rule)) {
      if (!item.modifiers.includes('re')) continue
      const flags = item.modifiers.slice(item.modifiers.indexOf('re') + 1)
      itemValues(item).forEach((value, i) => {
        if (typeof value !== 'string') return
        const compiled = compileSigmaRegex(value, flags)
        if (compiled.ok) return
        const path = Array.isArray(item.value) ? [...item.path, i] : item.path
        out.push(atValue(rule, path, `regular expression ${JSON.stringify(value)} of '${item.key}' does not compile: ${compiled.message}`, selection.doc))
      })
    }
    return out
  },
)
