import type { LinkedRule } from '../model.js'
import type { CatalogueLookup } from './catalogue-view.js'
import { md, type Phrasing } from './markdown.js'
import { ruleFacts } from './rule-facts.js'
import { relativeLink, wikiPath } from './wiki-paths.js'

/** Links from the page at `from` (wiki-relative) to the other pages, labelled the way readers scan them. */
export function pageLinks(from: string, lookup: CatalogueLookup, dataNeededPage: (title: string) => string = wikiPath.dataNeeded) {
  const to = (target: string, ...label: Phrasing[]) => pageLink(from, target, ...label)
  return {
    to,
    rule: (rule: LinkedRule) => ruleLink(from, rule),
    technique: (id: string, withName = true) => {
      const name = lookup.fullName(id)
      return to(wikiPath.technique(id), withName && name ? `${id}: ${name}` : id)
    },
    tactic: (id: string) => {
      const tactic = lookup.tactic(id)
      return to(wikiPath.tactic(id), tactic ? `${id}: ${tactic.name}` : id)
    },
    dataNeeded: (title: string) => to(dataNeededPage(title), title),
    trigger: (id: string) => to(wikiPath.trigger(id), id),
  }
}

export type PageLinks = ReturnType<typeof pageLinks>

/** A link from the page at `from` to the rule's card, labelled with its title. */
export function ruleLink(from: string, rule: LinkedRule): Phrasing {
  return pageLink(from, wikiPath.rule(rule.source.stem), ruleFacts(rule).title)
}

/** A link from the page at `from` to the wiki page `target` (both wiki-relative). */
export function pageLink(from: string, target: string, ...label: Phrasing[]): Phrasing {
  return md.link(relativeLink(from, target), ...label)
}

export function attackTechniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}`
}

export function attackTacticUrl(id: string): string {
  return `https://attack.mitre.org/tactics/${id}`
}

/** ATT&CK descriptions carry `(Citation: …)` markers whose sources are not in the catalogue. */
export function withoutCitations(description: string): string {
  return description.replace(/\(Citation:[^)]*\)/g, '').replace(/[ \t]+$/gm, '').trim()
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
