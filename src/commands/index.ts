import type { Command } from './command.js'
import { buildCommand } from './build.js'
import { convertCliCommand } from './convert.js'
import { checkCommand } from './check.js'
import { cardCommand } from './card.js'
import { diffCommand } from './diff.js'
import { serveCommand } from './serve.js'

export const COMMANDS: Command[] = [buildCommand, convertCliCommand, checkCommand, cardCommand, diffCommand, serveCommand]
