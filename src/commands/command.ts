import type { ParseArgsConfig } from 'node:util'

export interface CommandIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

/** A CLI command: parsed options in, exit code out. Tests call `run` directly. */
export interface Command {
  name: string
  summary: string
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  allowPositionals: boolean
  run(values: Record<string, unknown>, positionals: string[], io: CommandIO): Promise<number> | number
}

/** A mistake in how the command was called: printed with the usage, exit code 2, no stack trace. */
export class UsageError extends Error {}
