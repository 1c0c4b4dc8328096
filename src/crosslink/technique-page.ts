import type { Root, RootContent } from 'mdast'
import type { LinkedRule } from '../model.js'
import type { CatalogueLookup } from './catalogue-view.js'
import type { CoverageIndex, TechniqueEntry } from './coverage-index.js'
import { techniqueIdsOf } from './coverage-index.js'
import { joinGroups, joinPhrasing, md, type Phrasing } from './markdown.js'
import { attackTechniqueUrl, pageLinks, plural, withoutCitations, type PageLinks } from './page-links.js'
import { ruleFacts } from './rule-facts.js'
import { wikiPath } from './wiki-paths.js'

/** `Techniques/<id>.md`: the technique from the catalogue and every rule, Data Needed and trigger that covers it. */
export function techniquePage(entry: TechniqueEntry, index: CoverageIndex): Root {
  const from = wikiPath.technique(entry.id)
  const { lookup } = index
  const links = pageLinks(from, lookup, index.dataNeededPage)
  const t = entry.technique
  const name = lookup.fullName(entry.id)
  const out: RootContent[] = [md.heading(1, name ? `${entry.id}: ${name}` : entry.id)]
  const notice = noticeOf(entry, links, index)
  if (notice) out.push(md.blockquote(md.p(...notice)))

  const facts: Phrasing[][] = []
  if (t) {
    const tactics = t.tactics.map((s) => lookup.tacticByShortname(s)).filter((x) => x !== undefined)
    if (tactics.length) facts.push([md.strong('Tactics'), ...joinPhrasing(tactics.map((x) => links.tactic(x.id)), ', ')] as Phrasing[])
    if (t.platforms.length) facts.push([md.strong('Platforms'), t.platforms.join(', ')])
    if (t.parent) facts.push([md.strong('Parent technique'), links.technique(t.parent)])
    const subs = lookup.subTechniques(entry.id).filter((s) => index.techniques.has(s.id))
    if (subs.length) {
      const groups = subs.map((s): Phrasing[] => [links.to(wikiPath.technique(s.id), `${s.id}: ${s.name}`), ` (${plural(index.techniques.get(s.id)!.rules.length, 'rule')})`])
      facts.push([md.strong('Sub-techniques'), ...joinGroups(groups, '; ')])
    }
  }
  facts.push([md.strong('ATT&CK'), md.link(attackTechniqueUrl(entry.id), attackTechniqueUrl(entry.id))])
  facts.push([md.strong('Detection rules'), ruleCountText(entry)])
  out.push(md.table(['Field', 'Value'], facts.map(([label, ...value]) => [[label], value])))

  if (t?.description) out.push(md.heading(2, 'Description'), md.markdownSource(withoutCitations(t.description)))
  out.push(...rulesSection(entry, links, lookup))
  out.push(...dataNeededSection(entry.rules, links))
  out.push(...triggersSection(entry, index, links))
  return { type: 'root', children: out }
}

function noticeOf(entry: TechniqueEntry, links: PageLinks, index: CoverageIndex): Phrasing[] | undefined {
  const t = entry.technique
  if (!t) return [md.strong('Unknown technique'), ': the ATT&CK catalogue this wiki was built with has no technique with this id.']
  if (t.revoked) {
    const by = index.lookup.replacement(entry.id)
    return by
      ? [md.strong('Revoked'), ': ATT&CK revoked this technique; it is now ', links.technique(by.id), '.']
      : [md.strong('Revoked'), ': ATT&CK revoked this technique.']
  }
  if (t.deprecated) return [md.strong('Deprecated'), ': ATT&CK no longer maintains this technique.']
  return undefined
}

function ruleCountText(entry: TechniqueEntry): string {
  const parts = [`${entry.direct.length} tagged with ${entry.id}`]
  if (entry.viaSubtechniques.length) parts.push(`${entry.viaSubtechniques.length} through sub-techniques`)
  if (entry.viaRevoked.length) parts.push(`${entry.viaRevoked.length} through revoked ids`)
  return `${entry.rules.length} (${parts.join(', ')})`
}

function rulesSection(entry: TechniqueEntry, links: PageLinks, lookup: CatalogueLookup): RootContent[] {
  if (!entry.rules.length) return [md.heading(2, 'Detection Rules'), md.p('No detection rule covers this technique yet.')]
  const rows = entry.rules.map((rule) => {
    const f = ruleFacts(rule)
    const via = techniqueIdsOf(rule).filter((id) => id === entry.id || lookup.technique(id)?.parent === entry.id || lookup.replacement(id)?.id === entry.id)
    return [[links.rule(rule)], f.level || '-', f.status || '-', f.logsource || '-', joinPhrasing(via.map((id) => links.technique(id, false)), ', ')]
  })
  return [md.heading(2, 'Detection Rules'), md.table(['Rule', 'Level', 'Status', 'Log source', 'Tagged'], rows)]
}

function dataNeededSection(rules: readonly LinkedRule[], links: PageLinks): RootContent[] {
  const counts = new Map<string, number>()
  for (const rule of rules) for (const title of new Set(rule.links.dataNeeded)) counts.set(title, (counts.get(title) ?? 0) + 1)
  if (!counts.size) return []
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([title, n]) => [[links.dataNeeded(title)], String(n)])
  return [md.heading(2, 'Data Needed'), md.p(`Data the rules above need, with the number of rules that need it.`), md.table(['Data Needed', 'Rules'], rows)]
}

function triggersSection(entry: TechniqueEntry, index: CoverageIndex, links: PageLinks): RootContent[] {
  const ids = [entry.id, ...index.lookup.subTechniques(entry.id).map((s) => s.id)].filter((id) => index.triggers.has(id))
  if (!ids.length) return []
  const items = ids.map((id) => [links.trigger(id), ...(id === entry.id ? [] : [` (sub-technique ${index.lookup.technique(id)?.name ?? id})`])])
  return [md.heading(2, 'Triggers'), md.p('Atomic Red Team tests that exercise it:'), md.list(items)]
}
