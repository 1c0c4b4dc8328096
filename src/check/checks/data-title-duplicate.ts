import type { Check, DataFile, Finding } from '../check.js'
import { atValue } from '../locate.js'

const KINDS = [['dataNeeded', 'Data Needed'], ['loggingPolicies', 'Logging Policy'], ['enrichments', 'Enrichment']] as const

export const dataTitleDuplicate: Check = {
  id: 'data-title-duplicate',
  severity: 'error',
  description: 'no two Data Needed, Logging Policies or Enrichments share a title (rules and cards refer to them by title)',
  run(context) {
    const out: Finding[] = []
    for (const [list, what] of KINDS) {
      const byTitle = new Map<string, DataFile[]>()
      for (const file of context[list]) {
        if (typeof file.doc.title === 'string') byTitle.set(file.doc.title, [...(byTitle.get(file.doc.title) ?? []), file])
      }
      for (const [title, files] of byTitle) {
        if (files.length < 2) continue
        for (const file of files.filter((f) => f.target)) {
          const others = files.filter((f) => f !== file).map((f) => f.path).join(', ')
          out.push(atValue(file, ['title'], `${what} title '${title}' is also the title of ${others}; references by title cannot tell them apart, expected unique titles`))
        }
      }
    }
    return out
  },
}
