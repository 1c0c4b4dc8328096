import { hashOf } from '../cache/hash.js'
import type { LinkedRule } from '../model.js'
import { techniqueIdsOf, type CoverageIndex } from './coverage-index.js'
import { compareIds } from './catalogue-view.js'
import { factsStamp } from './facts-stamp.js'
import type { FragmentMemo } from './fragment-memo.js'
import { perRule } from './per-rule.js'
import { ruleFacts } from './rule-facts.js'
import { encodeSegment, wikiPath } from './wiki-paths.js'

export interface LayerOptions {
  /** Absolute URL of the published site (ending in `/`); technique and rule links point there. Without it the layers carry no links. */
  siteUrl?: string
}

/** Bump when a layer changes for the same rules. */
const VERSION = 'navigator-layer-2'

/**
 * Layers kept between builds: each under a key of its rules' facts stamps and `base` (the tool, the
 * options and the catalogue), so a one-rule edit makes again only the layers that hold the rule.
 */
export interface KeptLayers {
  memo: FragmentMemo
  base: string
}

const LEVELS = ['critical', 'high', 'medium', 'low', 'informational']
const NAVIGATOR_VERSION = '5.1.0'
const GRADIENT = ['#e8f1fb', '#7fb0e8', '#1d5fb4']

/** Sigma `product` → ATT&CK Enterprise platforms, for the per-platform layers' filter. */
const PLATFORMS: Record<string, string[]> = {
  windows: ['Windows'], linux: ['Linux'], macos: ['macOS'],
  aws: ['IaaS'], gcp: ['IaaS'], azure: ['IaaS', 'Identity Provider'],
  okta: ['Identity Provider'], onelogin: ['Identity Provider'], m365: ['Office Suite', 'Identity Provider', 'SaaS'],
  github: ['SaaS'], bitbucket: ['SaaS'], kubernetes: ['Containers'],
  cisco: ['Network Devices'], juniper: ['Network Devices'], fortigate: ['Network Devices'], fortios: ['Network Devices'], paloalto: ['Network Devices'],
}

/**
 * ATT&CK Navigator layers (format 4.5, enterprise-attack): `layer.json` over every rule, then one per rule
 * level and one per log source product. Score = number of rules. A rule tagged with a revoked id counts
 * for the technique that replaced it; deprecated and unknown ids are left out (the Navigator cannot show them).
 */
export function navigatorLayers(index: CoverageIndex, options: LayerOptions = {}, kept?: KeptLayers): Map<string, string> {
  const files = new Map<string, string>()
  const add = (name: string, title: string, rules: readonly LinkedRule[], platforms?: string[]) => {
    const make = () => `${JSON.stringify(layer(index, title, rules, options, platforms))}\n`
    const key = kept && hashOf(VERSION, kept.base, name, title, JSON.stringify(platforms ?? null), ...layerStamps(rules, options))
    files.set(`attack-navigator/${name}.json`, kept ? kept.memo.text(key!, make) : make())
  }
  add('layer', 'Detection rules', index.rules)
  const levels = groupBy(index.rules, (r) => ruleFacts(r).level)
  const levelNames = [...levels.keys()].filter(Boolean).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
  for (const level of levelNames) add(`layer-level-${slug(level)}`, `Detection rules, level ${level}`, levels.get(level)!)
  const products = groupBy(index.rules, (r) => ruleFacts(r).product)
  const known = new Set(index.lookup.view.techniques.flatMap((t) => t.platforms))
  for (const product of [...products.keys()].filter(Boolean).sort()) {
    const platforms = (PLATFORMS[product] ?? []).filter((p) => known.has(p))
    add(`layer-platform-${slug(product)}`, `Detection rules for ${product}`, products.get(product)!, platforms.length ? platforms : undefined)
  }
  return files
}

/**
 * What a layer reads of its rules. Without a site URL that is each rule's level and techniques, whatever
 * the rules' order: a retitled rule (which may move in the title order) leaves the layer as it was. With one,
 * the links show titles, in title order, so the whole facts stamp of each rule, in order.
 */
function layerStamps(rules: readonly LinkedRule[], options: LayerOptions): string[] {
  return options.siteUrl ? rules.map(factsStamp) : rules.map(countedFacts).sort()
}

const countedFacts = perRule((rule) => `${ruleFacts(rule).level}\u0001${techniqueIdsOf(rule).join(' ')}`)

function layer(index: CoverageIndex, name: string, rules: readonly LinkedRule[], options: LayerOptions, platforms?: string[]) {
  const byTechnique = new Map<string, LinkedRule[]>()
  for (const rule of rules) {
    const ids = new Set<string>()
    for (const id of techniqueIdsOf(rule)) {
      const t = index.lookup.technique(id)
      const target = t?.revoked ? index.lookup.replacement(id) : t
      if (target && !target.deprecated && !target.revoked) ids.add(target.id)
    }
    for (const id of ids) {
      const list = byTechnique.get(id)
      if (list) list.push(rule)
      else byTechnique.set(id, [rule])
    }
  }
  const parentsWithSubs = new Set([...byTechnique.keys()].map((id) => index.lookup.technique(id)?.parent).filter((p): p is string => !!p))
  const ids = [...new Set([...byTechnique.keys(), ...parentsWithSubs])].sort(compareIds)
  const techniques = ids.map((id) => technique(id, byTechnique.get(id) ?? [], parentsWithSubs.has(id), options))
  const scores = [...byTechnique.values()].map((r) => r.length).sort((a, b) => a - b)
  const maxValue = Math.max(1, scores.length ? scores[Math.floor((scores.length - 1) * 0.9)] : 1)
  const levelCounts = countLevels(rules)
  return {
    name,
    versions: { ...(index.lookup.attackVersion ? { attack: index.lookup.attackVersion } : {}), navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain: 'enterprise-attack',
    description: `${rules.length} detection rules covering ${byTechnique.size} techniques and sub-techniques. Score = number of rules; the colour scale saturates at the 90th percentile (${maxValue}).`,
    ...(platforms ? { filters: { platforms } } : {}),
    sorting: 3,
    layout: { layout: 'side', aggregateFunction: 'sum', showID: true, showName: true, showAggregateScores: false, countUnscored: false, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: GRADIENT, minValue: 0, maxValue },
    legendItems: [],
    metadata: [{ name: 'rules', value: String(rules.length) }, ...levelCounts],
    links: options.siteUrl ? [{ label: 'Analytics Wiki', url: options.siteUrl }] : [],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  }
}

function technique(id: string, rules: readonly LinkedRule[], showSubtechniques: boolean, options: LayerOptions) {
  const entry: Record<string, unknown> = { techniqueID: id }
  if (rules.length) {
    entry.score = rules.length
    entry.comment = `${rules.length} detection rule${rules.length === 1 ? '' : 's'}`
    entry.enabled = true
    entry.metadata = countLevels(rules)
    if (options.siteUrl) {
      const site = options.siteUrl
      entry.links = [
        { label: `${id} on the wiki`, url: site + sitePath(wikiPath.technique(id)) },
        { divider: true },
        ...[...rules].sort((a, b) => (ruleFacts(a).title < ruleFacts(b).title ? -1 : 1)).map((r) => ({ label: ruleFacts(r).title, url: site + sitePath(wikiPath.rule(r.source.stem)) })),
      ]
    }
  }
  if (showSubtechniques) entry.showSubtechniques = true
  return entry
}

/** The site page of a wiki page, as a URL path relative to the site root. */
export function sitePath(wikiRelative: string): string {
  return wikiRelative.replace(/\.md$/, '.html').split('/').map(encodeSegment).join('/')
}

function countLevels(rules: readonly LinkedRule[]): { name: string; value: string }[] {
  const counts = groupBy(rules, (r) => ruleFacts(r).level || 'no level')
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1)).map(([level, list]) => ({ name: level, value: String(list.length) }))
}

function rank(level: string): number {
  const i = LEVELS.indexOf(level)
  return i < 0 ? LEVELS.length : i
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

export function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'none'
}
