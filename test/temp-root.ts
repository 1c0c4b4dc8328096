import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Global setup: every test's temporary folders (mkdtemp under os.tmpdir()) go into one folder for the run,
 * removed when the run ends, so repeated runs leave nothing behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'aw-tests-'))
  // Test workers and the processes tests spawn inherit the environment, and os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
