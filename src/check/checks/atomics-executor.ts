import { atomicTests } from '../atomic-tests.js'
import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atKey, atValue } from '../locate.js'

// Atomic Red Team's executors; `manual` tests give steps instead of a command.
const EXECUTORS = ['command_prompt', 'powershell', 'sh', 'bash', 'manual']

export const atomicsExecutor = dataCheck(
  { id: 'atomics-executor', severity: 'error', description: `each atomic test has an executor named ${EXECUTORS.join(', ')} with a command (steps for manual)` },
  'atomics',
  (file) => {
    const out: Finding[] = []
    for (const { index, test } of atomicTests(file)) {
      const base = ['atomic_tests', index]
      const executor = test.executor
      if (!isMap(executor)) {
        out.push(('executor' in test ? atValue : atKey)(file, 'executor' in test ? [...base, 'executor'] : base, `test ${index + 1} ('${String(test.name)}') has no executor map, expected {name, command}`))
        continue
      }
      const name = executor.name
      if (typeof name !== 'string' || !EXECUTORS.includes(name)) {
        out.push(atValue(file, [...base, 'executor', 'name'], `executor name '${String(name)}' of test ${index + 1} is not one of ${EXECUTORS.join(', ')}`))
        continue
      }
      const needs = name === 'manual' ? 'steps' : 'command'
      if (typeof executor[needs] !== 'string' || executor[needs].trim() === '') {
        out.push(atKey(file, [...base, 'executor'], `executor '${name}' of test ${index + 1} has no ${needs}, expected the ${needs === 'steps' ? 'manual steps' : 'commands to run'}`))
      }
    }
    return out
  },
)
