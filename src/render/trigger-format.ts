import { splitLines, stripText } from './trigger-text.js'

/**
 * Platform ids as the Atomic Red Team pages print them: `macos` is `macOS`, every other id is
 * capitalised Python-style (first letter upper, the rest lower): `azure-ad` → `Azure-ad`, `iaas:aws` → `Iaas:aws`.
 */
const PLATFORM_LABELS: Record<string, string> = { macos: 'macOS' }

export function platformList(platforms: readonly string[]): string {
  return platforms.map((p) => PLATFORM_LABELS[p] ?? capitalize(p)).join(', ')
}

function capitalize(text: string): string {
  const first = text.codePointAt(0)
  if (first === undefined) return ''
  const head = String.fromCodePoint(first)
  return head.toUpperCase() + text.slice(head.length).toLowerCase()
}

/** Info string of a fenced block for an executor: `command_prompt` is `cmd`, `manual` has none. */
const FENCE_LANGUAGES: Record<string, string> = { command_prompt: 'cmd', manual: '' }

export function fenceLanguage(executor: string): string {
  return FENCE_LANGUAGES[executor] ?? executor
}

// Characters GitHub drops from heading anchors, as Atomic Red Team lists them.
const ANCHOR_DROP = /[`~!@#$%^&*()+=<>?,./:;"'|{}[\]\\–—]/g

/** The in-page anchor of a test heading: lower case, spaces to `-`, punctuation dropped. */
export function anchorOf(title: string): string {
  return title.toLowerCase().replace(/ /g, '-').replace(ANCHOR_DROP, '')
}

/** An inputs-table cell: stripped, backslashes as `&#92;` so Markdown keeps them; null is empty. */
export function tableCell(text: string | null): string {
  return text === null ? '' : stripText(text).replace(/\\/g, '&#92;')
}

/**
 * The ATT&CK description as quote lines: `%\<` unescaped, `~` inside `<code>` escaped so it is
 * not read as strikethrough (Python's `.`: anything but \n), one stripped line per source line.
 */
export function attackDescriptionLines(description: string): string[] {
  const text = description
    .replaceAll('%\\<', '%<')
    .replace(/<code>[^\n]*?<\/code>/g, (code) => code.replaceAll('~', '\\~'))
  return splitLines(text).map(stripText)
}

/** `T1003.001` → `T1003/001` (the technique's path on attack.mitre.org). */
export function attackUrlPath(id: string): string {
  return id.replaceAll('.', '/')
}
