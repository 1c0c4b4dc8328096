import { isMap } from '../is-map.js'
import { ruleCheck } from '../define-check.js'
import { atDocument, atKey } from '../locate.js'
import { ruleLinks } from '../rule-links.js'

export const dataNeededNone = ruleCheck(
  { id: 'data-needed-none', severity: 'info', description: 'some Data Needed resolves for the rule (ATC algorithm: logsource, event ids, fields); otherwise the card lists none' },
  (rule, context) => {
    if (context.inputs.dataNeeded.length === 0) return [] // no Data Needed folder: nothing to resolve against
    if (ruleLinks(rule, context).dataNeeded.length > 0) return []
    const logsource = isMap(rule.rule.logsource) ? Object.entries(rule.rule.logsource).filter(([k]) => k !== 'definition').map(([k, v]) => `${k}: ${String(v)}`).join(', ') : ''
    const message = `no Data Needed matches this rule${logsource ? ` (${logsource})` : ''}: the card will list none; add a Data Needed for this log source or check the logsource and field names`
    return ['logsource' in rule.rule ? atKey(rule, ['logsource'], message) : atDocument(rule, message)]
  },
)
