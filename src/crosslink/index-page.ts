import type { Root, RootContent } from 'mdast'
import type { CoverageIndex } from './coverage-index.js'
import { coverageMatrix } from './coverage-page.js'
import { md } from './markdown.js'
import { pageLinks } from './page-links.js'
import type { WikiModel } from './wiki-model.js'
import { wikiPath } from './wiki-paths.js'

/** Files next to the wiki that the index points readers to (paths relative to the output folder). */
export const EXPORTS: readonly { path: string; label: string; what: string }[] = [
  { path: 'attack-navigator/layer.json', label: 'ATT&CK Navigator layer', what: 'rule counts per technique, to open in the ATT&CK Navigator' },
  { path: 'analytics.csv', label: 'analytics.csv', what: 'tactic × technique × rule × Data Needed × Logging Policy, in ATC’s shape' },
  { path: 'pivoting.csv', label: 'pivoting.csv', what: 'every field of every Data Needed' },
  { path: 'rules.json', label: 'rules.json', what: 'one record per rule' },
]

/** `index.md`: counts and entry points. */
export function indexPage(model: WikiModel, index: CoverageIndex): Root {
  const links = pageLinks(wikiPath.index, index.lookup)
  const columns = coverageMatrix(index)
  const parents = columns.flatMap((c) => c.cells)
  const coveredParents = new Set(parents.filter((c) => c.rules > 0).map((c) => c.id))
  const allParents = new Set(parents.map((c) => c.id))
  const sections: [string, string, number][] = [
    ['Detection Rules', 'Detection_Rules/', model.rules.length],
    ['Data Needed', 'Data_Needed/', model.dataNeeded.length],
    ['Logging Policies', 'Logging_Policies/', model.loggingPolicies.length],
    ['Enrichments', 'Enrichments/', model.enrichments.length],
    ['Triggers', 'Triggers/', model.atomics.length],
    ['Tactics', 'Tactics/', index.lookup.view.tactics.length],
    ['Techniques', 'Techniques/', index.techniques.size],
  ]
  const top = [...index.techniques.values()]
    .filter((e) => e.rules.length > 0)
    .sort((a, b) => b.rules.length - a.rules.length || (a.id < b.id ? -1 : 1))
    .slice(0, 10)
  const out: RootContent[] = [
    md.heading(1, 'Analytics Wiki'),
    md.p(`Detection analytics mapped to MITRE ATT&CK: ${model.rules.length} detection rules covering ${coveredParents.size} of ${allParents.size} techniques, with the data they need, the logging policies that produce it and the Atomic Red Team tests that trigger them.`),
    md.table(['Section', 'Pages'], sections.map(([label, dir, n]) => [[links.to(dir, label)], String(n)]), [null, 'right']),
    md.heading(2, 'Start here'),
    md.list([
      [links.to(wikiPath.coverage, 'ATT&CK Coverage'), ': the tactic × technique matrix with rule counts'],
      [links.to(wikiPath.conversionStatus, 'Conversion Status'), ': which backend queries exist for each rule, and why not when they do not'],
    ]),
    md.heading(2, 'Tactics'),
    md.table(['Tactic', 'Techniques covered', 'Rules'], columns.map((c) => [
      [links.tactic(c.tacticId)],
      `${c.cells.filter((cell) => cell.rules > 0).length} / ${c.cells.length}`,
      String(index.tacticRules.get(c.tacticId)?.length ?? 0),
    ]), [null, 'right', 'right']),
  ]
  if (top.length) {
    out.push(md.heading(2, 'Most covered techniques'), md.table(['Technique', 'Rules'], top.map((e) => [[links.technique(e.id)], String(e.rules.length)]), [null, 'right']))
  }
  out.push(md.heading(2, 'Exports'), md.list(EXPORTS.map((e) => [links.to(`../${e.path}`, e.label), `: ${e.what}`])))
  return { type: 'root', children: out }
}
