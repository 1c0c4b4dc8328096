/**
 * Compiles a Sigma `|re` pattern with JavaScript's engine to find patterns no engine accepts.
 * Sigma regexes are PCRE-like: a leading inline flag group `(?i)` and Python's named groups
 * `(?P<name>…)` are translated first, so that only real mistakes remain.
 */
export function compileSigmaRegex(pattern: string, flags: readonly string[]): { ok: true; regex: RegExp } | { ok: false; message: string } {
  let body = pattern
  const inline = /^\(\?([imsx]+)\)/.exec(body)
  const all = new Set(flags.filter((f) => 'ims'.includes(f)))
  if (inline) {
    body = body.slice(inline[0].length)
    for (const f of inline[1]!) if ('ims'.includes(f)) all.add(f)
  }
  body = body.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
  try {
    return { ok: true, regex: new RegExp(body, [...all].sort().join('')) }
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^Invalid regular expression: /, '') }
  }
}
