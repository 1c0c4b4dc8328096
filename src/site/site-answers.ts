import type { SiteIndex } from './link-resolver.js'

/** Every "does the site have this path?" question a rendering asked, with its answer. */
export type SiteAnswers = [set: 'pages' | 'files', path: string, answer: boolean][]

/** `site`, noting every question asked of it into `asked`, so a result can be reused while the answers hold. */
export function recordingSite(site: SiteIndex, asked: SiteAnswers): SiteIndex {
  const recording = (set: 'pages' | 'files'): ReadonlySet<string> => {
    const real = site[set]
    return { has: (path: string) => { const answer = real.has(path); asked.push([set, path, answer]); return answer } } as ReadonlySet<string>
  }
  return { pages: recording('pages'), files: recording('files') }
}

/** Whether the site still answers every recorded question as it did. */
export function stillValid(result: { asked: SiteAnswers }, site: SiteIndex): boolean {
  return result.asked.every(([set, path, answer]) => site[set].has(path) === answer)
}
