import type { ConversionConfig } from './config/conversion-config.js'
import { buildSearch } from './build-search.js'
import { mapAggregation } from './config/map-aggregation.js'
import { ConversionFailure, type SearchNode } from './search-tree.js'
import { QueryWriter, type RenderState, type TextBackend } from './text-backend.js'
import type { Aggregation } from '../sigma/condition-ast.js'
import type { SigmaRule } from '../sigma/sigma-rule.js'
import type { RuleDocument } from '../sigma/rule-documents.js'
import type { RuleFile } from '../sigma/read-rule-file.js'

export interface RenderedRule {
  /** Query text per condition (null when the backend produced nothing). */
  output: string | null
}

export type RenderOutcome =
  | { ok: true; outputs: (string | null)[]; state: RenderState }
  | { ok: false; failure: ConversionFailure; outputs: (string | null)[]; state: RenderState }

interface Prepared {
  rule: SigmaRule
  searches: { tree: SearchNode; agg: Aggregation | null }[]
}

/**
 * Converts every rule document of a file in one go, the way the legacy converter did: all rules are
 * parsed first (a parse problem in any stops the file), then rendered one after the other with shared
 * backend state. `extended` turns on the features the legacy converter lacked.
 */
export function renderRules(backend: TextBackend, config: ConversionConfig, file: RuleFile, extended: boolean): RenderOutcome {
  const prepared: Prepared[] = []
  const state = backend.newState?.() ?? {}
  const outputs: (string | null)[] = []
  try {
    file.documents.forEach((d, i) => prepared.push(prepare(backend, config, d, file.rules[i] ?? null, extended)))
    for (const p of prepared) outputs.push(renderPrepared(backend, config, p, extended, state))
    return { ok: true, outputs, state }
  } catch (e) {
    return { ok: false, failure: asFailure(e), outputs, state }
  }
}

export function prepare(backend: TextBackend, config: ConversionConfig, d: RuleDocument, rule: SigmaRule | null, extended: boolean): Prepared {
  if (d.kind === 'correlation') throw new ConversionFailure('Sigma correlation rules are not convertible by this backend', 'unsupported')
  if (d.kind === 'filter') throw new ConversionFailure('Sigma filter rules are not convertible by this backend', 'unsupported')
  if (!rule) throw new ConversionFailure('No detection definitions found', 'invalid')
  if (rule.errors.length > 0) throw new ConversionFailure(rule.errors[0]!, 'invalid')
  return { rule, searches: searchesOf(rule, config, backend.indexField, backend.nativeCidr ?? false, extended) }
}

// Backends sharing a configuration (es-qs and xpack-watcher; graylog and grep) render the same trees;
// rendering never modifies a tree, so they are built once per rule.
const TREES = new WeakMap<SigmaRule, WeakMap<ConversionConfig, Map<string, Prepared['searches'] | ConversionFailure>>>()

function searchesOf(rule: SigmaRule, config: ConversionConfig, indexField: string | null, nativeCidr: boolean, extended: boolean): Prepared['searches'] {
  let byConfig = TREES.get(rule)
  if (!byConfig) TREES.set(rule, (byConfig = new WeakMap()))
  let byOptions = byConfig.get(config)
  if (!byOptions) byConfig.set(config, (byOptions = new Map()))
  const key = `${indexField ?? ''}|${nativeCidr}|${extended}`
  let cached = byOptions.get(key)
  if (!cached) {
    try {
      cached = rule.conditions.map((c) => {
        if (!c.parsed.ok) throw new ConversionFailure(`condition: ${c.parsed.error.message} at offset ${c.parsed.error.offset}`, 'invalid')
        const tree = buildSearch(rule, c.parsed.value.search, { config, indexField, extended, nativeCidr })
        return { tree, agg: mapAggregation(c.parsed.value.aggregation, rule, config) }
      })
    } catch (e) {
      cached = asFailure(e)
    }
    byOptions.set(key, cached)
  }
  if (cached instanceof ConversionFailure) throw cached
  return cached
}

export function renderPrepared(backend: TextBackend, config: ConversionConfig, p: Prepared, extended: boolean, state: RenderState): string | null {
  const mode = backend.conditions ?? 'single'
  if (mode === 'single' && p.searches.length > 1 && !extended) throw new ConversionFailure("Base backend doesn't support multiple conditions")
  const searches = mode === 'first' ? p.searches.slice(0, 1) : p.searches
  const parts: string[] = []
  for (const s of searches) {
    const w = new QueryWriter(backend, { rule: p.rule, config, extended }, state)
    const query = backend.finish(w, w.gen(s.tree), s.agg)
    if (query) parts.push(query)
  }
  return parts.length > 0 ? parts.join('\n') : null
}

export function asFailure(e: unknown): ConversionFailure {
  if (e instanceof ConversionFailure) return e
  // A bug in this converter must not take the build down: report it as a failed conversion.
  const message = e instanceof Error ? e.message : String(e)
  return new ConversionFailure(`internal error: ${message}`, 'unsupported')
}
