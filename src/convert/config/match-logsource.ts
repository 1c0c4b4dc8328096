import type { Logsource } from '../../sigma/sigma-rule.js'
import type { ConversionConfig, LogsourceEntry } from './conversion-config.js'

export interface MatchedLogsource {
  /** Condition pairs of every matching entry, in config order. */
  conditions: [string, unknown][]
  /** Index patterns (the config's `defaultindex` when no matching entry names one). */
  index: string[]
}

/**
 * An entry matches when every attribute it names equals the rule's (an entry naming only `product:
 * windows` matches every Windows rule), as the legacy converter matched them.
 */
function matches(entry: LogsourceEntry, ls: Logsource): boolean {
  let searched = 0
  for (const key of ['category', 'product', 'service'] as const) {
    const mine = entry[key]
    if (mine === null) continue
    const theirs = ls[key]
    if (theirs === null || theirs === undefined || theirs !== mine) return false
    searched++
  }
  return searched > 0
}

const CACHE = new WeakMap<ConversionConfig, Map<string, MatchedLogsource>>()

/** Cached per configuration and (category, product, service); callers must not modify the result. */
export function matchLogsource(config: ConversionConfig, ls: Logsource): MatchedLogsource {
  const simple = [ls.category, ls.product, ls.service].every((v) => v === null || v === undefined || typeof v === 'string')
  if (!simple) return computeMatch(config, ls)
  let byKey = CACHE.get(config)
  if (!byKey) CACHE.set(config, (byKey = new Map()))
  const key = `${ls.category ?? '\u0001'}\u0000${ls.product ?? '\u0001'}\u0000${ls.service ?? '\u0001'}`
  let matched = byKey.get(key)
  if (!matched) byKey.set(key, (matched = computeMatch(config, ls)))
  return matched
}

function computeMatch(config: ConversionConfig, ls: Logsource): MatchedLogsource {
  const conditions: [string, unknown][] = []
  const index: string[] = []
  for (const entry of config.logsources) {
    if (!matches(entry, ls)) continue
    conditions.push(...entry.conditions)
    for (const i of entry.index) if (!index.includes(i)) index.push(i)
  }
  return { conditions, index: index.length > 0 ? index : config.defaultindex ? [...config.defaultindex] : [] }
}
