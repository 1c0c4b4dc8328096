import type { BackendName } from '../model.js'
import type { Aggregation } from '../sigma/condition-ast.js'
import { isTyped, type ModValue, type TypedValue } from '../sigma/modifiers/modifier-value.js'
import { pyStr, pyTypeName } from '../sigma/python-text.js'
import type { SigmaRule } from '../sigma/sigma-rule.js'
import type { ConversionConfig } from './config/conversion-config.js'
import { ConversionFailure, type NodeType, type SearchNode } from './search-tree.js'

/** `%s` templates split once, so rendering is plain concatenation. */
export class Template {
  private readonly parts: string[]
  constructor(readonly source: string) {
    this.parts = source.split('%s')
  }
  fill(...args: string[]): string {
    let out = this.parts[0]!
    for (let i = 1; i < this.parts.length; i++) out += (args[i - 1] ?? '') + this.parts[i]
    return out
  }
}

/** The syntax of a text query language, as `%s` templates. */
export interface QueryTokens {
  and: string
  or: string
  not: string
  /** Parenthesised sub-expression. */
  sub: string
  /** Wrapper around every AND (Splunk brackets its conjunctions), `%s` when none. */
  andGroup: string
  list: string
  listSeparator: string
  value: string
  null: string
  notNull: string
  map: string
  /** `field IN list`, for languages with a list operator. */
  mapList: string | null
}

export type Handler<N extends SearchNode = SearchNode> = (w: QueryWriter, node: N) => string | null
export type Handlers = { [T in NodeType]: Handler<Extract<SearchNode, { t: T }>> }

/** Per-rule state that some languages carry through a rendering (mirrors legacy backend attributes). */
export type RenderState = Record<string, unknown>

export interface RuleContext {
  rule: SigmaRule
  config: ConversionConfig
  /** true when rendering a rule the legacy converter could not convert, with extended features. */
  extended: boolean
}

/** One text backend: a table of tokens and escaping rules plus small hooks where the language differs. */
export interface TextBackend {
  name: BackendName
  tokens: QueryTokens
  /** Lists in field values render through `mapList` (true) or through the generic list syntax (false). */
  mapListsSpecialHandling: boolean
  /** Escapes a value's text (the legacy `reEscape` substitution). */
  escape: (text: string) => string
  /** Templates for typed values; `re` is the only one the legacy converters knew. */
  typed: { re?: string; rePattern?: (pattern: string, flags: string) => string | null }
  /** The language matches CIDR networks itself; otherwise they become wildcard patterns. */
  nativeCidr?: boolean
  indexField: string | null
  /** Node handlers that replace the generic ones. */
  handlers?: Partial<Handlers>
  /** Field name rewriting at render time (Elasticsearch keyword sub-fields). */
  fieldName?: (w: QueryWriter, field: string, value: ModValue) => string
  /** Rendering of typed values only this converter supports (cidr, comparisons, ...), extended mode only. */
  extendedMap?: (w: QueryWriter, field: string, value: TypedValue) => string | null
  aggregation?: (w: QueryWriter, agg: Aggregation) => string
  /** Wraps one condition's rendered search into the final query text (prefixes, `| table`, ...). */
  finish: (w: QueryWriter, search: string | null, agg: Aggregation | null) => string | null
  /** Text printed once after all rules of a file (xpack-watcher collects its watches until then). */
  finalize?: (state: RenderState) => string | null
  /** Rules with several conditions: the legacy backends refused them, used the first, or used all. */
  conditions?: 'single' | 'first' | 'all'
  newState?: () => RenderState
}

export class QueryWriter {
  readonly t: { [K in keyof QueryTokens]: Template }
  state: RenderState

  constructor(readonly backend: TextBackend, readonly ctx: RuleContext, state?: RenderState) {
    this.t = templatesOf(backend)
    this.state = state ?? backend.newState?.() ?? {}
  }

  gen(node: SearchNode): string | null {
    const handler = (this.backend.handlers?.[node.t] ?? DEFAULT_HANDLERS[node.t]) as Handler
    return handler(this, node)
  }

  fieldName(field: string, value: ModValue): string {
    return this.backend.fieldName ? this.backend.fieldName(this, field, value) : field
  }

  /** A keyword or a single field value. */
  value(v: string | number): string {
    const handler = this.backend.handlers?.value
    if (handler) return handler(this, { t: 'value', value: v }) ?? ''
    return this.t.value.fill(this.backend.escape(pyStr(v)))
  }

  /** The legacy generic list rendering (items must be strings or integers). */
  list(values: ModValue[]): string {
    if (!values.every(isPlain)) throw new ConversionFailure('List values must be strings or numbers')
    const rendered = values.map((v) => this.value(v as string | number))
    if (rendered.length === 1) return rendered[0]!
    return this.t.list.fill(rendered.join(this.backend.tokens.listSeparator))
  }

  typed(value: TypedValue): string {
    const template = this.backend.typed.re
    if (value.kind === 're' && template !== undefined) {
      const rewrite = this.backend.typed.rePattern
      const pattern = rewrite ? rewrite(value.pattern, value.flags) : value.flags === '' ? value.pattern : null
      if (pattern !== null) return template.replace('%s', () => pattern)
    }
    throw typedFailure(this, value, `Type modifier '${value.kind}' is not supported by backend`)
  }

  join(items: SearchNode[], separator: string): string | null {
    const parts: string[] = []
    for (const item of items) {
      const g = this.gen(item)
      if (g !== null) parts.push(g)
    }
    return parts.length > 0 ? parts.join(separator) : null
  }
}

const TEMPLATES = new WeakMap<TextBackend, QueryWriter['t']>()

/** A backend's templates, split once and shared by every rendering. */
function templatesOf(backend: TextBackend): QueryWriter['t'] {
  let t = TEMPLATES.get(backend)
  if (!t) {
    const tk = backend.tokens
    t = {
      and: new Template(tk.and), or: new Template(tk.or), not: new Template(tk.not), sub: new Template(tk.sub),
      andGroup: new Template(tk.andGroup), list: new Template(tk.list), listSeparator: new Template(tk.listSeparator),
      value: new Template(tk.value), null: new Template(tk.null), notNull: new Template(tk.notNull), map: new Template(tk.map),
      mapList: new Template(tk.mapList ?? '%s IN %s'),
    }
    TEMPLATES.set(backend, t)
  }
  return t
}

/** Python's `type(v) in (str, int)`. */
export function isPlain(v: unknown): v is string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))
}

/** Names a typed value by the modifier that made it, for "not convertible" messages. */
export function modifierLabel(value: TypedValue): string {
  if (value.kind === 're' && value.flags) return `re|${value.flags.split('').join('|')} modifier`
  if (value.kind === 'compare') return `${value.op} modifier`
  if (value.kind === 'group') return 'value group'
  return `${value.kind} modifier`
}

/** The legacy message in legacy mode, the modifier's name in extended mode. */
export function typedFailure(w: QueryWriter, value: TypedValue, legacyMessage: string): ConversionFailure {
  return w.ctx.extended ? new ConversionFailure(modifierLabel(value), 'unsupported') : new ConversionFailure(legacyMessage)
}

export function unsupportedMapValue(value: unknown): ConversionFailure {
  const name = isTyped(value) ? value.kind : pyTypeName(value)
  return new ConversionFailure(`Backend does not support map values of type <class '${name}'>`)
}

/** The legacy `SingleTextQueryBackend` rendering of each node type. */
export const DEFAULT_HANDLERS: Handlers = {
  and: (w, node) => {
    const joined = w.join(node.items, w.backend.tokens.and)
    return joined === null ? null : w.t.andGroup.fill(joined)
  },
  or: (w, node) => w.join(node.items, w.backend.tokens.or),
  not: (w, node) => {
    const g = w.gen(node.item)
    return g === null ? null : w.t.not.fill(g)
  },
  sub: (w, node) => {
    const g = w.gen(node.item)
    return g ? w.t.sub.fill(g) : null
  },
  value: (w, node) => w.t.value.fill(w.backend.escape(pyStr(node.value))),
  null: (w, node) => w.t.null.fill(node.field),
  notnull: (w, node) => w.t.notNull.fill(node.field),
  map: (w, node) => renderMapItem(w, node.field, node.value),
}

export function renderMapItem(w: QueryWriter, rawField: string, value: ModValue): string | null {
  const field = w.fieldName(rawField, value)
  const special = w.backend.mapListsSpecialHandling
  if (isPlain(value)) return w.t.map.fill(field, w.value(value))
  if (Array.isArray(value)) {
    if (!special) return w.t.map.fill(field, w.list(value))
    return w.t.mapList.fill(field, w.list(value))
  }
  if (value === null) return w.t.null.fill(field)
  if (isTyped(value)) {
    if (value.kind === 're') return w.t.map.fill(field, w.typed(value))
    if (w.ctx.extended && w.backend.extendedMap) {
      const out = w.backend.extendedMap(w, field, value)
      if (out !== null) return out
    }
    throw typedFailure(w, value, `Backend does not support map values of type <class '${value.kind}'>`)
  }
  throw unsupportedMapValue(value)
}
