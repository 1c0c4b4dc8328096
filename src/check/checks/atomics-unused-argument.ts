import { atomicTests, commandTexts, PLACEHOLDER } from '../atomic-tests.js'
import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atKey } from '../locate.js'

export const atomicsUnusedArgument = dataCheck(
  { id: 'atomics-unused-argument', severity: 'warning', description: 'every input argument of an atomic test is used by a #{placeholder} in its commands or dependencies' },
  'atomics',
  (file) => {
    const out: Finding[] = []
    for (const { index, test } of atomicTests(file)) {
      if (!isMap(test.input_arguments)) continue
      const used = new Set(commandTexts(test, index).flatMap(({ text }) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)))
      for (const name of Object.keys(test.input_arguments)) {
        if (!used.has(name)) out.push(atKey(file, ['atomic_tests', index, 'input_arguments', name], `input argument '${name}' of test ${index + 1} ('${String(test.name)}') is never used as #{${name}}`))
      }
    }
    return out
  },
)
