import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { atValue } from '../locate.js'
import { ruleDocuments } from '../rule-documents.js'
import { scalarText } from '../scalar-text.js'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const OLD_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/

/** Whether year-month-day is a real calendar day. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const dateFormat = ruleCheck(
  { id: 'date-format', severity: 'error', description: 'date and modified are real days written YYYY-MM-DD' },
  (rule) => {
    const out: Finding[] = []
    for (const { index, doc } of ruleDocuments(rule)) {
      for (const field of ['date', 'modified']) {
        if (!(field in doc) || doc[field] === null) continue
        const text = scalarText(rule.documents[index], [field])
        const iso = text ? ISO_DATE.exec(text) : null
        if (iso && isCalendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) continue
        const old = text ? OLD_DATE.exec(text) : null
        const hint = old ? ` (write ${old[1]}-${old[2]}-${old[3]}; the YYYY/MM/DD form is no longer used)` : iso ? ' (no such day)' : ''
        out.push(atValue(rule, [field], `${field} '${text ?? JSON.stringify(doc[field])}' is not a date in the form YYYY-MM-DD${hint}`, index))
      }
    }
    return out
  },
)
