import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(value)
  } catch {
    return false
  }
}

// Text that tries to be a link (a scheme, `www.`, a domain) but is not a valid one.
const LINK_ATTEMPT = /:\/\/|^www\.|^[\w-]+(\.[\w-]+)+\//i

export const referencesUrl = ruleCheck(
  { id: 'references-url', severity: 'warning', description: 'every reference is an http(s) URL (a broken link is a warning; a plain-text note such as "Internal Research" is info)' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      if (!Array.isArray(doc.references)) continue
      doc.references.forEach((ref, i) => {
        if (typeof ref === 'string' && isWebUrl(ref)) return
        const text = String(ref)
        if (LINK_ATTEMPT.test(text)) out.push(atValue(rule, ['references', i], `reference ${JSON.stringify(ref)} is not a valid URL, expected only the link (https://…), without spaces or notes`, index))
        else out.push({ ...atValue(rule, ['references', i], `reference ${JSON.stringify(ref)} is a note, not a URL: readers cannot follow it`, index), severity: 'info' })
      })
    }
    return out
  },
)
