import type { Check, DataFile, Finding } from '../check.js'
import { checkFieldKind } from '../../load/check-field-kind.js'
import type { FieldKind } from '../../load/rule-schema.js'
import { atDocument, atKey } from '../locate.js'

// The fields atc-data's cards and ATC's Data Needed resolution read, with their types.
const REQUIRED: Record<'dataNeeded' | 'loggingPolicies' | 'enrichments', [string, FieldKind][]> = {
  dataNeeded: [['title', 'string'], ['description', 'string'], ['loggingpolicy', 'string-list'], ['platform', 'string'], ['type', 'string'], ['channel', 'string'], ['fields', 'string-list']],
  loggingPolicies: [['title', 'string'], ['description', 'string'], ['default', 'string'], ['volume', 'string']],
  enrichments: [['title', 'string'], ['description', 'string'], ['data_needed', 'string-list']],
}

const WHAT = { dataNeeded: 'Data Needed', loggingPolicies: 'Logging Policy', enrichments: 'Enrichment' }

function inspect(file: DataFile, fields: [string, FieldKind][], what: string): Finding[] {
  const out: Finding[] = []
  for (const [field, kind] of fields) {
    if (!(field in file.doc) || file.doc[field] === null || file.doc[field] === '') {
      out.push(atDocument(file, `${what} has no '${field}', expected ${fields.map(([f]) => f).join(', ')}`))
      continue
    }
    const problem = checkFieldKind(file.doc[field], kind)
    if (problem) out.push(atKey(file, [field], `${what} field '${field}' is ${problem}`))
  }
  return out
}

export const dataFields: Check = {
  id: 'data-fields',
  severity: 'error',
  description: 'Data Needed, Logging Policies and Enrichments have the fields their cards and the Data Needed resolution read, with the right types',
  run(context) {
    return (Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]).flatMap((list) => context[list].filter((f) => f.target).flatMap((file) => inspect(file, REQUIRED[list], WHAT[list])))
  },
}
