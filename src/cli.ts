import { parseArgs } from 'node:util'
import { ConfigError } from './config.js'
import { UnsafeOutputError } from './write/index.js'
import { UsageError, type Command, type CommandIO } from './commands/command.js'
import { COMMANDS } from './commands/index.js'
import { packagePath } from './package-root.js'

const defaultIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `usage: analytics-wiki <command> [options]\n\ncommands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n\nRun 'analytics-wiki <command> --help' for a command's options.\n`
}

/** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CommandIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainUsage())
    return name ? 0 : 2
  }
  if (name === '--version') {
    io.stdout(`${await version()}\n`)
    return 0
  }
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    io.stderr(`analytics-wiki: unknown command '${name}', expected one of ${COMMANDS.map((c) => c.name).join(', ')}\n`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`)
    return 0
  }
  return runCommand(command, rest, io)
}

async function runCommand(command: Command, args: string[], io: CommandIO): Promise<number> {
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: command.allowPositionals, strict: true }) as typeof parsed
  } catch (error) {
    io.stderr(`analytics-wiki ${command.name}: ${(error as Error).message}\n\n${command.usage}\n`)
    return 2
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`analytics-wiki ${command.name}: ${error.message}\n\n${command.usage}\n`)
      return 2
    }
    if (error instanceof ConfigError || error instanceof UnsafeOutputError) {
      io.stderr(`analytics-wiki ${command.name}: ${error.message}\n`)
      return error instanceof ConfigError ? 2 : 1
    }
    throw error
  }
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs')
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }
  return pkg.version
}
