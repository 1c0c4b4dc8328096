import { isMap } from '../is-map.js'
import type { Finding } from '../check.js'
import { fileCheck } from '../define-check.js'
import { atDocument } from '../locate.js'

const shape = (v: unknown) => (v === null || v === undefined ? 'empty' : Array.isArray(v) ? 'a list' : v instanceof Date ? 'a date' : `a ${typeof v}`)

export const ruleDocumentType = fileCheck(
  { id: 'rule-document-type', severity: 'error', description: 'every YAML document of a rule file is a map of Sigma fields' },
  (file) => {
    if (file.kind !== 'rule' || file.syntaxErrors.length > 0) return []
    if (file.values.length === 0) return [{ path: file.path, line: 1, col: 1, message: 'the file holds no YAML document, expected a Sigma rule (a map with title, id, logsource, detection)' }]
    const out: Finding[] = []
    file.values.forEach((value, index) => {
      if (!isMap(value)) out.push(atDocument(file, `rule document ${index + 1} is ${shape(value)}, expected a map of Sigma fields (title, id, logsource, detection, …)`, index))
    })
    return out
  },
)
