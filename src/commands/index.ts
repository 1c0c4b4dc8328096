import type { Command } from './command.js'

/** A command's name and summary, with its module loaded only when it runs (keeps `--help` and start-up light). */
export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Command>
}

export const COMMANDS: CommandEntry[] = [
  { name: 'build', summary: 'build the wiki (Markdown cards, cross-links, HTML site) into the output folder', load: async () => (await import('./build.js')).buildCommand },
  { name: 'convert', summary: 'print the query a legacy sigmac backend gives for Sigma rules', load: async () => (await import('./convert.js')).convertCliCommand },
  { name: 'check', summary: 'validate rules, Data Needed, Logging Policies, Enrichments and atomics; report every finding at its line', load: async () => (await import('./check.js')).checkCommand },
  { name: 'card', summary: "print a rule's Detection Rule card, exactly as build writes it", load: async () => (await import('./card.js')).cardCommand },
  { name: 'diff', summary: 'compare the cards and ATT&CK coverage of two rule sets (folders or git refs) as a Markdown comment', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'serve', summary: 'build, serve the site on 127.0.0.1 and rebuild whenever an input changes', load: async () => (await import('./serve.js')).serveCommand },
]
