import type { Aggregation } from '../../sigma/condition-ast.js'
import { pyStr } from '../../sigma/python-text.js'
import { matchLogsource } from '../config/match-logsource.js'
import { pythonJsonDumps } from '../python-json.js'
import { ConversionFailure } from '../search-tree.js'
import type { QueryWriter, RenderState, TextBackend } from '../text-backend.js'
import { ES_QS_ESCAPE, elasticQuerystring } from './es-qs.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

interface WatcherState extends RenderState {
  matchKeyword: boolean
  watches: [string, Json][]
}

const RULER = '='.repeat(80)

/** The unique watch name: the rule id (or its title), with `-2`, `-3`... on repeats. */
function watchName(w: QueryWriter, taken: [string, Json][]): string {
  const doc = w.ctx.rule.doc
  const base = doc['id'] !== undefined ? pyStr(doc['id']) : pyStr(doc['title'] ?? '').replace(/ /g, '-').replace(/[()]/g, '')
  const used = new Set(taken.map(([name]) => name))
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

function mailBody(w: QueryWriter, agg: Aggregation | null): { body: string; valuePath: string; condition: Json; aggs: Json | null } {
  if (agg?.kind === 'function') {
    const value = Number.parseInt(agg.value, 10)
    const order = agg.operator === '<' || agg.operator === '<=' ? 'asc' : 'desc'
    const condition: Json = agg.operator === '>' ? { gt: value } : agg.operator === '>=' ? { gte: value } : agg.operator === '<' ? { lt: value } : agg.operator === '<=' ? { lte: value } : { not_eq: 0 }
    const minDocs: Record<string, Json> = agg.operator === '>' ? { min_doc_count: value + 1 } : agg.operator === '>=' ? { min_doc_count: value } : {}
    let aggs: Json | null = null
    let location = ''
    const iter: string[] = []
    const terms = (field: string): Json => ({ field, size: 10, order: { _count: order }, ...minDocs })
    if (agg.field) {
      aggs = { aggs: { agg: { terms: terms(agg.field) } } }
      location = 'agg.buckets.0.'
      iter.push('agg.buckets')
    }
    if (agg.groupBy) {
      aggs = { aggs: { by: { terms: terms(agg.groupBy), ...((aggs as { aggs?: Json } | null) ?? {}) } } }
      location = 'by.buckets.0.' + location
      iter.push('by.buckets')
    }
    if (aggs) {
      iter[0] = 'aggregations.' + iter[0]
      const opening = iter.map((item, i) => `{{#${item}}}\n${'-'.repeat(2 * i)} {{key}} {{doc_count}}\n`).join('\n')
      const closing = [...iter].reverse().map((item) => `{{/${item}}}\n`).join('\n')
      return { body: 'Hits:\n' + opening + closing, valuePath: `ctx.payload.aggregations.${location}doc_count`, condition, aggs }
    }
    return { body: hitsBody(w), valuePath: 'ctx.payload.hits.total', condition, aggs: null }
  }
  // `near` has no comparison: the legacy watcher fell back to alerting on any hit.
  return { body: hitsBody(w), valuePath: 'ctx.payload.hits.total', condition: { not_eq: 0 }, aggs: null }
}

function hitsBody(w: QueryWriter): string {
  let body = 'Hits:\n{{#ctx.payload.hits.hits}}'
  const fields = w.ctx.rule.doc['fields']
  if (Array.isArray(fields) && fields.length > 0) {
    const names = fields.map(pyStr)
    const width = Math.max(...names.map((f) => f.length))
    body += 'Hit on {{_source.@timestamp}}:\n' + names.map((f) => `${f.padStart(width)} = {{_source.${f}}}`).join('\n') + RULER + '\n'
  } else {
    body += '{{_source}}\n' + RULER + '\n'
  }
  return body + '{{/ctx.payload.hits.hits}}'
}

function addWatch(w: QueryWriter, search: string | null, agg: Aggregation | null): null {
  const state = w.state as WatcherState
  const doc = w.ctx.rule.doc
  const title = (doc['title'] ?? '') as Json
  const ls = w.ctx.rule.logsource
  if (!ls) throw new ConversionFailure("'NoneType' object has no attribute 'index'")
  const indices = matchLogsource(w.ctx.config, ls).index
  const detection = doc['detection'] as Record<string, unknown>
  const interval = (detection['timeframe'] ?? '30m') as Json
  const dateField = typeof w.ctx.config.raw['dateField'] === 'string' ? (w.ctx.config.raw['dateField'] as string) : 'timestamp'
  const mail = mailBody(w, agg)
  const watch: Json = {
    metadata: { name: title, description: (doc['description'] ?? '') as Json, tags: (doc['tags'] ?? '') as Json, query: search },
    trigger: { schedule: { interval } },
    input: {
      search: {
        request: {
          body: {
            size: 0,
            query: { bool: { must: [{ query_string: { query: search, analyze_wildcard: true } }], filter: { range: { [dateField]: { gte: 'now-30m/m' } } } } },
            ...((mail.aggs as Record<string, Json> | null) ?? {}),
          },
          indices,
        },
      },
    },
    condition: { compare: { [mail.valuePath]: mail.condition } },
    actions: {
      send_email: {
        throttle_period: '15m',
        email: {
          profile: 'standard', from: 'root@localhost', to: 'root@localhost', subject: `Sigma Rule '${pyStr(title)}'`, body: mail.body,
          attachments: { 'data.json': { data: { format: 'json' } } },
        },
      },
    },
  }
  state.watches.push([watchName(w, state.watches), watch])
  return null
}

/** Elasticsearch query string wrapped into a complete `curl` command that installs an X-Pack watch. */
export const xpackWatcherBackend: TextBackend = {
  ...elasticQuerystring('xpack-watcher', ES_QS_ESCAPE),
  conditions: 'all',
  newState: (): WatcherState => ({ matchKeyword: true, watches: [] }),
  finish: addWatch,
  finalize: (state) => {
    const watches = (state as WatcherState).watches
    if (watches.length === 0) return null
    return watches
      .map(([name, watch]) => `curl -s -XPUT -H 'Content-Type: application/json' --data-binary @- localhost:9200/_watcher/watch/${name} <<EOF\n${pythonJsonDumps(watch)}\nEOF\n`)
      .join('')
  },
}
