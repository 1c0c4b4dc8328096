// Runs `npm run compile` unless lib/bundle/ is newer than everything it is compiled from, so `npm run build`
// does not spend two seconds recompiling unchanged code on every run. Templates and data are read at run
// time and need no compile.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUT = 'lib/bundle/cli.js'
const SOURCES = ['src', 'tools/bundle.js', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']

function newest(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

let built = 0
try {
  built = statSync(OUTPUT).mtimeMs
} catch {
  // Never compiled.
}
if (built === 0 || SOURCES.some((source) => newest(source) >= built)) {
  const { status } = spawnSync('npm', ['run', '-s', 'compile'], { stdio: 'inherit', shell: process.platform === 'win32' })
  process.exitCode = status ?? 1
}
