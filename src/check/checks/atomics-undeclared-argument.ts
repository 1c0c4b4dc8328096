import { atomicTests, atTextIn, commandTexts, PLACEHOLDER } from '../atomic-tests.js'
import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { isMap } from '../is-map.js'

export const atomicsUndeclaredArgument = dataCheck(
  { id: 'atomics-undeclared-argument', severity: 'error', description: 'every #{argument} placeholder in an atomic test is declared in its input_arguments' },
  'atomics',
  (file) => {
    const out: Finding[] = []
    for (const { index, test } of atomicTests(file)) {
      const declared = isMap(test.input_arguments) ? Object.keys(test.input_arguments) : []
      for (const { path, text } of commandTexts(test, index)) {
        const reported = new Set<string>()
        for (const [placeholder, name] of text.matchAll(PLACEHOLDER)) {
          if (declared.includes(name!) || reported.has(name!)) continue
          reported.add(name!)
          const known = declared.length ? `declared: ${declared.join(', ')}` : 'the test declares no input_arguments'
          out.push(atTextIn(file, path, placeholder, `placeholder ${placeholder} in test ${index + 1} ('${String(test.name)}') names no input argument (${known})`))
        }
      }
    }
    return out
  },
)
