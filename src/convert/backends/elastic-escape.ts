/**
 * The legacy Elasticsearch query-string escaping, hand-written for speed. Equivalent to replacing
 * `([<specials>]|(?<!\\)\\(?![*?\\])|\\u|&&|\|\|)` with a backslash before the match: special
 * characters, a lone backslash (one that does not escape `*`, `?` or a backslash), `\u`, `&&` and `||`.
 */
/** Python's `str.isspace()` for one character (what `\s` matched in the legacy patterns). */
export function isPythonSpace(ch: string): boolean {
  const c = ch.charCodeAt(0)
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31)
  if (c < 133) return false
  return c === 133 || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288
}

export function elasticEscaper(specials: string): (text: string) => string {
  const special = new Set(specials)
  return (text) => {
    let out = ''
    let from = 0
    const n = text.length
    for (let i = 0; i < n; i++) {
      const ch = text[i]!
      let len = 0
      if (special.has(ch) || isPythonSpace(ch)) len = 1
      else if (ch === '\\') {
        const next = text[i + 1]
        if (text[i - 1] !== '\\' && next !== '*' && next !== '?' && next !== '\\') len = 1
        else if (next === 'u') len = 2
      } else if ((ch === '&' || ch === '|') && text[i + 1] === ch) len = 2
      if (len === 0) continue
      out += text.slice(from, i) + '\\' + text.slice(i, i + len)
      i += len - 1
      from = i + 1
    }
    return from === 0 ? text : out + text.slice(from)
  }
}
