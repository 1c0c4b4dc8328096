import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { pageNames } from '../page-names.js'

// atc-data writes a Data Needed without a policy as `loggingpolicy: [None]`.
const NO_POLICY = /^none$/i

export const loggingPolicyMissing = dataCheck(
  { id: 'logging-policy-missing', severity: 'error', description: 'every Logging Policy a Data Needed names exists: its card links ../Logging_Policies/<name>.md, a page named after a Logging Policy file' },
  'data-needed',
  (file, context) => {
    const value = file.doc.loggingpolicy
    if (value === undefined || value === null) return []
    const pages = pageNames(context.inputs.loggingPolicies)
    const out: Finding[] = []
    const names = Array.isArray(value) ? value : [value]
    names.forEach((name, i) => {
      if (name === null || (typeof name === 'string' && (NO_POLICY.test(name) || pages.byStem.has(name)))) return
      const titled = typeof name === 'string' ? pages.byTitle.get(name) : undefined
      const hint = titled ? ` (the Logging Policy titled so is ${titled.path}, whose page is ${titled.stem}.md)` : pages.byStem.size ? '' : ' (no Logging Policies were found)'
      out.push(atValue(file, Array.isArray(value) ? ['loggingpolicy', i] : ['loggingpolicy'], `Logging Policy '${String(name)}' has no page: no Logging Policy file is named ${String(name)}.yml${hint}, so the card's link is broken`))
    })
    return out
  },
)
