import type { Command } from './command.js'
import { buildCommand } from './build.js'

export const COMMANDS: Command[] = [buildCommand]
