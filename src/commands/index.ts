import type { Command } from './command.js'
import { buildCommand } from './build.js'
import { checkCommand } from './check.js'

export const COMMANDS: Command[] = [buildCommand, checkCommand]
