import { atomicTests } from '../atomic-tests.js'
import type { Finding } from '../check.js'
import { dataCheck } from '../define-check.js'
import { atKey, atValue } from '../locate.js'

// Atomic Red Team's platform names.
const PLATFORMS = ['windows', 'macos', 'linux', 'office-365', 'azure-ad', 'google-workspace', 'saas', 'iaas', 'containers', 'iaas:gcp', 'iaas:azure', 'iaas:aws', 'esxi']

export const atomicsPlatform = dataCheck(
  { id: 'atomics-platform', severity: 'error', description: 'each atomic test lists its supported_platforms with Atomic Red Team platform names' },
  'atomics',
  (file) => {
    const out: Finding[] = []
    for (const { index, test } of atomicTests(file)) {
      const platforms = test.supported_platforms
      if (!Array.isArray(platforms) || platforms.length === 0) {
        out.push(atKey(file, ['atomic_tests', index, ...('supported_platforms' in test ? ['supported_platforms'] : [])], `test ${index + 1} ('${String(test.name)}') has no supported_platforms list, expected e.g. [windows]`))
        continue
      }
      platforms.forEach((p, i) => {
        if (typeof p !== 'string' || !PLATFORMS.includes(p)) out.push(atValue(file, ['atomic_tests', index, 'supported_platforms', i], `platform '${String(p)}' is not one of ${PLATFORMS.join(', ')}`))
      })
    }
    return out
  },
)
