import { atomicTests } from '../atomic-tests.js'
import type { Check, DataFile, Finding } from '../check.js'
import { atValue } from '../locate.js'
import { uuidProblem } from '../uuid.js'

export const atomicsGuid: Check = {
  id: 'atomics-guid',
  severity: 'error',
  description: 'an atomic test auto_generated_guid, when present, is a UUID used by no other test',
  run(context) {
    const uses = new Map<string, { file: DataFile; index: number }[]>()
    const out: Finding[] = []
    for (const file of context.atomics) {
      for (const { index, test } of atomicTests(file)) {
        if (!('auto_generated_guid' in test) || test.auto_generated_guid === null) continue
        const problem = uuidProblem(test.auto_generated_guid)
        if (problem && file.target) out.push(atValue(file, ['atomic_tests', index, 'auto_generated_guid'], `auto_generated_guid ${problem}`))
        if (typeof test.auto_generated_guid === 'string') {
          const key = test.auto_generated_guid.toLowerCase()
          uses.set(key, [...(uses.get(key) ?? []), { file, index }])
        }
      }
    }
    for (const [guid, list] of uses) {
      if (list.length < 2) continue
      for (const use of list.filter((u) => u.file.target)) {
        const others = list.filter((o) => o !== use).map((o) => `test ${o.index + 1} of ${o.file.path}`).join(', ')
        out.push(atValue(use.file, ['atomic_tests', use.index, 'auto_generated_guid'], `auto_generated_guid ${guid} is also used by ${others}; expected a GUID of its own`))
      }
    }
    return out
  },
}
