import type { Root, RootContent } from 'mdast'
import type { CoverageIndex } from './coverage-index.js'
import { md, type Phrasing } from './markdown.js'
import { pageLinks } from './page-links.js'
import { wikiPath } from './wiki-paths.js'

/** One matrix column: a tactic and its current parent techniques with rule counts (sub-techniques included). */
export interface MatrixColumn {
  tacticId: string
  tacticName: string
  cells: { id: string; name: string; rules: number; subTechniques: number; coveredSubTechniques: number }[]
}

/** The ATT&CK matrix as columns of parent techniques; counts include rules on sub-techniques and revoked ids. */
export function coverageMatrix(index: CoverageIndex): MatrixColumn[] {
  return index.lookup.view.tactics.map((tactic) => {
    const all = index.lookup.activeTechniquesOf(tactic.id)
    const cells = all
      .filter((t) => !t.parent)
      .map((t) => {
        const subs = all.filter((s) => s.parent === t.id)
        return {
          id: t.id,
          name: t.name,
          rules: index.techniques.get(t.id)?.rules.length ?? 0,
          subTechniques: subs.length,
          coveredSubTechniques: subs.filter((s) => (index.techniques.get(s.id)?.rules.length ?? 0) > 0).length,
        }
      })
    return { tacticId: tactic.id, tacticName: tactic.name, cells }
  })
}

/** `Coverage.md`: a per-tactic summary, then the tactic × technique matrix with rule counts. */
export function coveragePage(index: CoverageIndex): Root {
  const links = pageLinks(wikiPath.coverage, index.lookup)
  const columns = coverageMatrix(index)
  const summary = columns.map((c) => {
    const covered = c.cells.filter((cell) => cell.rules > 0).length
    const rules = index.tacticRules.get(c.tacticId)?.length ?? 0
    const pct = c.cells.length ? Math.round((covered / c.cells.length) * 100) : 0
    return [[links.tactic(c.tacticId)], `${covered} / ${c.cells.length}`, `${pct}%`, String(rules)]
  })
  const depth = Math.max(0, ...columns.map((c) => c.cells.length))
  const rows: Phrasing[][][] = []
  for (let i = 0; i < depth; i++) {
    rows.push(columns.map((c) => {
      const cell = c.cells[i]
      if (!cell) return []
      return [links.to(wikiPath.technique(cell.id), cell.id), ` ${cell.name} `, md.strong(String(cell.rules))]
    }))
  }
  const out: RootContent[] = [
    md.heading(1, 'ATT&CK Coverage'),
    md.p('How many detection rules cover each technique. A technique counts a rule tagged with it, with one of its sub-techniques, or with an id ATT&CK revoked in its favour.'),
    md.heading(2, 'By tactic'),
    md.table(['Tactic', 'Techniques covered', 'Coverage', 'Rules tagged'], summary, [null, 'right', 'right', 'right']),
    md.heading(2, 'Matrix'),
    md.table(columns.map((c) => [links.to(wikiPath.tactic(c.tacticId), c.tacticName)]), rows),
  ]
  return { type: 'root', children: out }
}
