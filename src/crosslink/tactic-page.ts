import { dirname } from 'node:path'
import type { Root, RootContent, TableRow } from 'mdast'
import type { LinkedRule } from '../model.js'
import type { CatalogueViewTactic } from './catalogue-view.js'
import { techniqueIdsOf, type CoverageIndex } from './coverage-index.js'
import { joinPhrasing, md, type Phrasing } from './markdown.js'
import { attackTacticUrl, pageLink, pageLinks, ruleLink } from './page-links.js'
import { perRule } from './per-rule.js'
import { ruleFacts } from './rule-facts.js'
import { wikiPath } from './wiki-paths.js'

/** `Tactics/<id>.md`: the tactic's techniques with their rule counts, and the rules tagged with the tactic. */
export function tacticPage(tactic: CatalogueViewTactic, index: CoverageIndex): Root {
  const from = wikiPath.tactic(tactic.id)
  const links = pageLinks(from, index.lookup)
  const techniques = index.lookup.activeTechniquesOf(tactic.id)
  const covered = techniques.filter((t) => (index.techniques.get(t.id)?.rules.length ?? 0) > 0)
  const rules = index.tacticRules.get(tactic.id) ?? []
  const out: RootContent[] = [
    md.heading(1, `${tactic.id}: ${tactic.name}`),
    md.table(['Field', 'Value'], [
      [[md.strong('ATT&CK')], [md.link(attackTacticUrl(tactic.id), attackTacticUrl(tactic.id))]],
      [[md.strong('Techniques covered')], `${covered.length} of ${techniques.length} (techniques and sub-techniques with at least one rule)`],
      [[md.strong('Detection rules')], `${rules.length} tagged with this tactic`],
    ]),
    md.heading(2, 'Techniques'),
  ]
  if (techniques.length) {
    const rows = techniques.map((t) => {
      const count = index.techniques.get(t.id)?.rules.length ?? 0
      const trigger: Phrasing[] = index.triggers.has(t.id) ? [links.trigger(t.id)] : ['-']
      return [[links.to(wikiPath.technique(t.id), t.id)], t.parent ? `↳ ${t.name}` : t.name, String(count), trigger]
    })
    out.push(md.table(['Technique', 'Name', 'Rules', 'Trigger'], rows, [null, null, 'right', null]))
  } else {
    out.push(md.p('The catalogue lists no current technique for this tactic.'))
  }
  out.push(md.heading(2, 'Detection Rules'))
  if (rules.length) {
    out.push(md.table(['Rule', 'Level', 'Status', 'Techniques'], rules.map((rule) => ruleRow(from, rule))))
  } else {
    out.push(md.p('No detection rule is tagged with this tactic yet.'))
  }
  return { type: 'root', children: out }
}

/** Rows by the folder of the page they are on (links are relative to it): every tactic page shares them. */
const rowsOf = perRule(() => new Map<string, TableRow>())

/** A rule's row on a tactic page: its links, level, status and techniques. */
function ruleRow(from: string, rule: LinkedRule): TableRow {
  const rows = rowsOf(rule)
  const folder = dirname(from)
  let row = rows.get(folder)
  if (!row) {
    const f = ruleFacts(rule)
    const technique = (id: string) => pageLink(from, wikiPath.technique(id), id)
    rows.set(folder, (row = md.row([[ruleLink(from, rule)], f.level || '-', f.status || '-', joinPhrasing(techniqueIdsOf(rule).map(technique), ', ')])))
  }
  return row
}
