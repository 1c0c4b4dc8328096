import type { Check, Finding } from '../check.js'
import { fileStem } from '../../load/file-stem.js'
import { atValue } from '../locate.js'

export const dataTitleFilename: Check = {
  id: 'data-title-filename',
  severity: 'warning',
  description: 'a Data Needed, Logging Policy or Enrichment file is named after its title (atc-data convention; pages are named after the file)',
  run(context) {
    const out: Finding[] = []
    for (const file of [...context.dataNeeded, ...context.loggingPolicies, ...context.enrichments]) {
      if (!file.target || typeof file.doc.title !== 'string') continue
      const stem = fileStem(file.path)
      if (stem !== file.doc.title) out.push(atValue(file, ['title'], `title '${file.doc.title}' differs from the file name '${stem}', expected the file to be named ${file.doc.title}.yml`))
    }
    return out
  },
}
