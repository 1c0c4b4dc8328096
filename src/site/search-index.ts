import { techniqueIdsOf } from '../crosslink/coverage-index.js'
import { ruleFacts, text } from '../crosslink/rule-facts.js'
import { perRule } from '../crosslink/per-rule.js'
import { wikiPath } from '../crosslink/wiki-paths.js'
import type { SiteContext } from './site-context.js'

/**
 * The client-side search data: `kinds` maps a kind letter to its label and folder; each doc is
 * `[kind, file name without .html, title, id, description, ATT&CK ids, level]`. Arrays, not objects,
 * keep the file small; the client builds each page's URL from kind and name.
 */
export interface SearchIndex {
  version: 1
  kinds: Record<string, { label: string; dir: string }>
  docs: [string, string, string, string, string, string, string][]
}

const KINDS: SearchIndex['kinds'] = {
  r: { label: 'Rule', dir: 'Detection_Rules' },
  t: { label: 'Technique', dir: 'Techniques' },
  a: { label: 'Tactic', dir: 'Tactics' },
  d: { label: 'Data Needed', dir: 'Data_Needed' },
  l: { label: 'Logging Policy', dir: 'Logging_Policies' },
  e: { label: 'Enrichment', dir: 'Enrichments' },
  g: { label: 'Trigger', dir: 'Triggers' },
}

/** Descriptions are cut here: enough to match on and to show a snippet. */
const DESCRIPTION_LIMIT = 400

export function buildSearchIndex(ctx: SiteContext, titles: ReadonlyMap<string, string>): SearchIndex {
  const docs: SearchIndex['docs'] = []
  const has = (page: string) => ctx.site.pages.has(page)
  for (const rule of ctx.index.rules) if (has(wikiPath.rule(rule.source.stem))) docs.push(ruleDoc(rule))
  for (const entry of ctx.index.techniques.values()) {
    const page = wikiPath.technique(entry.id)
    if (has(page)) docs.push(['t', nameOf(page), `${entry.id}: ${ctx.index.lookup.fullName(entry.id) ?? ''}`, entry.id, '', entry.technique?.parent ?? '', ''])
  }
  for (const tactic of ctx.index.lookup.view.tactics) {
    const page = wikiPath.tactic(tactic.id)
    if (has(page)) docs.push(['a', nameOf(page), `${tactic.id}: ${tactic.name}`, tactic.id, '', '', ''])
  }
  const sources: [string, typeof ctx.model.dataNeeded][] = [['d', ctx.model.dataNeeded], ['l', ctx.model.loggingPolicies], ['e', ctx.model.enrichments]]
  for (const [kind, list] of sources) {
    for (const source of list) {
      const page = ctx.pageOfSource.get(source)
      if (page) docs.push([kind, nameOf(page), source.title, '', clip(text(source.doc.description).trim()), '', ''])
    }
  }
  for (const page of ctx.sectionPages.get('Triggers') ?? []) {
    const id = nameOf(page)
    docs.push(['g', id, titles.get(page) ?? id, id, '', id, ''])
  }
  return { version: 1, kinds: KINDS, docs }
}

const ruleDoc = perRule((rule): SearchIndex['docs'][number] => {
  const f = ruleFacts(rule)
  const attack = [...techniqueIdsOf(rule), ...new Set(rule.links.tactics.map((t) => t.id))].join(' ')
  return ['r', nameOf(wikiPath.rule(rule.source.stem)), f.title, f.id, clip(f.description), attack, f.level]
})

/** A page's file name without its folder and `.md`: the client makes the URL of it. */
function nameOf(page: string): string {
  return page.slice(page.indexOf('/') + 1).replace(/\.md$/, '')
}

function clip(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > DESCRIPTION_LIMIT ? `${flat.slice(0, DESCRIPTION_LIMIT - 1)}…` : flat
}
