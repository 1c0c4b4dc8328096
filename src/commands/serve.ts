import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { watchBuild } from '../watch/watch-build.js'
import { createSiteServer } from '../serve/serve-site.js'
import { BUILD_OPTIONS, BUILD_OPTIONS_USAGE, buildConfigFrom } from './build-options.js'
import { CACHE_OPTIONS, CACHE_OPTIONS_USAGE, configFileOf, interrupted, workersFrom } from './build.js'
import { cacheDirFrom } from './cache-dir-from.js'
import { UsageError, type Command } from './command.js'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'build, serve the site on 127.0.0.1 and rebuild whenever an input changes',
  usage: `analytics-wiki serve [options]\n\n${BUILD_OPTIONS_USAGE}\n${CACHE_OPTIONS_USAGE}\n  --port N                 port on 127.0.0.1 (default: 4173; 0 picks a free one)\n\nServes OUT/site (OUT itself when there is no site). Ctrl-C stops.`,
  options: { ...BUILD_OPTIONS, ...CACHE_OPTIONS, port: { type: 'string' } },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const port = values.port === undefined ? 4173 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got '${String(values.port)}'`)
    const config = buildConfigFrom(values, io.cwd)
    const report = (line: string) => io.stderr(`${line}\n`)
    const root = () => (existsSync(join(config.out, 'site')) ? join(config.out, 'site') : config.out)
    const server = createSiteServer(root, config.base)
    await new Promise<void>((ready, fail) => {
      server.once('error', fail)
      server.listen(port, '127.0.0.1', ready)
    })
    const address = server.address()
    const bound = typeof address === 'object' && address ? address.port : port
    io.stdout(`serving ${config.out} at http://127.0.0.1:${bound}${config.base}\n`)
    try {
      await watchBuild({ configOf: () => buildConfigFrom(values, io.cwd), cacheDir: cacheDirFrom(values, io.cwd), report, extraPaths: [configFileOf(values, io.cwd)], workers: workersFrom(values), signal: interrupted() })
    } finally {
      await new Promise((closed) => server.close(closed))
    }
    return 0
  },
}
