// Builds ../shared/corpus and measures it against ../shared/golden/wiki with the project's yardstick (wikidiff.py).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from '../build.js'
import { writeTree } from '../write/index.js'
import { corpusConfig, sharedDir } from './shared-corpus.js'

const args = process.argv.slice(2)
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0
const shared = sharedDir()
const root = mkdtempSync(join(tmpdir(), 'aw-conformance-'))
const out = join(root, 'dist')
const site = args.includes('--site')
const start = performance.now()
const result = build(corpusConfig(shared, out, { site }))
const built = performance.now()
writeTree(out, result.files)
const written = performance.now()
const errors = result.diagnostics.filter((d) => d.severity === 'error').length
console.log(`built ${result.rules.length} rules, ${result.files.size} files in ${Math.round(built - start)} ms (+${Math.round(written - built)} ms write); ${errors} errors, ${result.diagnostics.length - errors} other diagnostics`)
const diff = spawnSync('python3', [resolve(shared, 'tools/wikidiff.py'), resolve(shared, 'golden/wiki'), join(out, 'wiki'), '--show', String(show)], { encoding: 'utf8' })
process.stdout.write(diff.stdout)
process.stderr.write(diff.stderr)
if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true })
else console.log(`output kept in ${out}`)
