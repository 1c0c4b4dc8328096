import { buildAndWrite } from '../build.js'
import { BUILD_OPTIONS, BUILD_OPTIONS_USAGE, buildConfigFrom } from './build-options.js'
import type { Command } from './command.js'

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the wiki (Markdown cards, cross-links, HTML site) into the output folder',
  usage: `analytics-wiki build [options]\n\n${BUILD_OPTIONS_USAGE}\n\nExit codes: 0 built (diagnostics are printed), 1 diagnostics with --strict or a failed build, 2 usage error.`,
  options: BUILD_OPTIONS,
  allowPositionals: false,
  run(values, _positionals, io) {
    const config = buildConfigFrom(values, io.cwd)
    const { exitCode } = buildAndWrite(config, (line) => io.stderr(`${line}\n`))
    return exitCode
  },
}
