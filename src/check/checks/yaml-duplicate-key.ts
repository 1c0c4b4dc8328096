import { isScalar, visit, type Node } from 'yaml'
import type { Finding } from '../check.js'
import { fileCheck } from '../define-check.js'
import { atNode } from '../locate.js'

export const yamlDuplicateKey = fileCheck(
  { id: 'yaml-duplicate-key', severity: 'error', description: 'no map has the same key twice (YAML keeps only the last value)' },
  (file) => {
    const out: Finding[] = []
    for (const doc of file.documents) {
      visit(doc, {
        Map(_, map) {
          const first = new Map<string, number>()
          for (const pair of map.items) {
            if (!isScalar(pair.key)) continue
            const key = String(pair.key.value)
            const earlier = first.get(key)
            if (earlier === undefined) {
              first.set(key, file.source.lineCounter.linePos(pair.key.range?.[0] ?? 0).line)
              continue
            }
            out.push(atNode(file, pair.key as Node, `key '${key}' is repeated (first on line ${earlier}); only this last value is kept, expected each key once`))
          }
        },
      })
    }
    return out
  },
)
