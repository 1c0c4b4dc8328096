/**
 * GitHub's heading anchors: lower-cased, punctuation and symbols removed, spaces turned into `-`;
 * a repeated slug gets `-1`, `-2`… (what links such as `#atomic-test-1-…` in the cards expect).
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-')
    let slug = base
    let count = seen.get(base) ?? 0
    while (seen.has(slug)) slug = `${base}-${++count}`
    seen.set(base, count)
    seen.set(slug, seen.get(slug) ?? 0)
    return slug
  }
}
