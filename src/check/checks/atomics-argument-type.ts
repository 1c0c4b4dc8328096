import { atomicTests } from '../atomic-tests.js'
import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atKey, atValue } from '../locate.js'

// Atomic Red Team's input argument types (written in any case).
const TYPES = ['string', 'path', 'url', 'integer', 'float']

export const atomicsArgumentType = dataCheck(
  { id: 'atomics-argument-type', severity: 'error', description: `each input argument has a description, a type (${TYPES.join(', ')}) and a default` },
  'atomics',
  (file) => {
    const out: Finding[] = []
    for (const { index, test } of atomicTests(file)) {
      if (!isMap(test.input_arguments)) continue
      for (const [name, arg] of Object.entries(test.input_arguments)) {
        const path = ['atomic_tests', index, 'input_arguments', name]
        if (!isMap(arg)) {
          out.push(atKey(file, path, `input argument '${name}' is not a map, expected {description, type, default}`))
          continue
        }
        const missing = ['description', 'type', 'default'].filter((k) => !(k in arg))
        if (missing.length) out.push(atKey(file, path, `input argument '${name}' has no ${missing.join(', ')}, expected description, type and default`))
        if ('type' in arg && (typeof arg.type !== 'string' || !TYPES.includes(arg.type.toLowerCase()))) out.push(atValue(file, [...path, 'type'], `input argument type '${String(arg.type)}' is not one of ${TYPES.join(', ')}`))
      }
    }
    return out
  },
)
