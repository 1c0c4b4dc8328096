import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/commands/index.js'

describe('command table', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s loads a command with the same name and summary', async (_name, entry) => {
    const command = await entry.load()
    expect(command.name).toBe(entry.name)
    expect(command.summary).toBe(entry.summary)
    expect(command.usage).toMatch(new RegExp(`analytics-wiki ${entry.name}`))
  })
})
