/** A Sigma string value split into literal text and wildcards (`*`, `?`); `\` escapes `*`, `?` and `\`. */
export type SigmaStringPart = string | { wildcard: '*' | '?' }

export function parseSigmaString(raw: string): SigmaStringPart[] {
  const parts: SigmaStringPart[] = []
  let text = ''
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!
    const next = raw[i + 1]
    if (ch === '\\' && (next === '*' || next === '?' || next === '\\')) {
      text += next
      i++
    } else if (ch === '*' || ch === '?') {
      if (text) parts.push(text)
      text = ''
      parts.push({ wildcard: ch })
    } else {
      text += ch
    }
  }
  if (text) parts.push(text)
  return parts
}

export function hasWildcards(raw: string): boolean {
  return parseSigmaString(raw).some((p) => typeof p !== 'string')
}

/** The kind of a detection value as Sigma defines it (YAML 1.1 scalars as PyYAML reads them). */
export type SigmaValueKind = 'string' | 'empty' | 'number' | 'boolean' | 'null' | 'date' | 'list' | 'map'

export function sigmaValueKind(value: unknown): SigmaValueKind {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value === '' ? 'empty' : 'string'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (value instanceof Date) return 'date'
  if (Array.isArray(value)) return 'list'
  return 'map'
}
