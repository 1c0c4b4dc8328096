import { tacticUrl, techniqueUrl } from '../attack/resolve-tags.js'
import { atcDocuments, universalNewlines } from '../link/atc-documents.js'
import { pyIter, pyStr, pyTruthy } from '../link/py-semantics.js'
import { BACKENDS, type Conversion, type RuleLinks, type RuleSource } from '../model.js'

export interface RuleCardInput {
  rule: RuleSource
  links: RuleLinks
  conversions: Conversion[]
}

interface LinkItem {
  id: string
  name: string
  url: string
}

/** What templates/detection-rule.eta prints; `null` selects a row's "not documented" text. */
export interface RuleCardView {
  title: string
  description: string
  tactics: LinkItem[]
  techniques: LinkItem[]
  dataNeeded: string[]
  triggers: Array<{ id: string; name: string }>
  level: string | null
  falsePositives: string[] | null
  status: string | null
  references: string[] | null
  author: string | null
  otherTags: string[]
  sigmaRule: string
  blocks: Array<{ backend: string; text: string }>
}

/**
 * The card's values as ATC's Jinja template sees them: parsed fields carry `&amp;` (see
 * atcDocuments), the description is stripped and the title is not, values print as Python's `str()`.
 */
export function ruleCardView({ rule, links, conversions }: RuleCardInput): RuleCardView {
  const fields = atcDocuments(rule)[0] ?? {}
  const { tactics, techniques, dataNeeded, triggers, otherTags, blocks } = ruleCardLinks(links, conversions)
  return {
    title: jinjaText(fields.title),
    description: typeof fields.description === 'string' ? pyStrip(fields.description) : jinjaText(fields.description),
    tactics,
    techniques,
    dataNeeded,
    triggers,
    level: optionalText(fields.level),
    falsePositives: optionalList(fields.falsepositives),
    status: optionalText(fields.status),
    references: optionalList(fields.references),
    author: optionalText(fields.author),
    otherTags,
    sigmaRule: universalNewlines(rule.text),
    blocks,
  }
}

export type RuleCardLinks = Pick<RuleCardView, 'tactics' | 'techniques' | 'dataNeeded' | 'triggers' | 'otherTags' | 'blocks'>

/** The card's lists that come from the linking step and its query blocks (no need to read the rule again). */
export function ruleCardLinks(links: RuleLinks, conversions: readonly Conversion[]): RuleCardLinks {
  const nameOf = (id: string) => links.techniques.find((t) => t.id === id)?.name ?? null
  return {
    tactics: links.tactics.map((t) => ({ id: t.id, name: t.name, url: tacticUrl(t.id) })),
    techniques: links.techniques.map((t) => ({ id: t.id, name: pyStr(t.name), url: techniqueUrl(t.id) })),
    dataNeeded: links.dataNeeded,
    triggers: links.triggers.map((id) => ({ id, name: pyStr(nameOf(id)) })),
    otherTags: links.otherTags,
    blocks: [...conversions].sort(byBackendOrder).map((c) => ({ backend: c.backend, text: c.text })),
  }
}

/** Jinja's `{{ x }}`: nothing for a missing key, Python's `str()` otherwise. */
function jinjaText(value: unknown): string {
  return value === undefined ? '' : pyStr(value)
}

function optionalText(value: unknown): string | null {
  return pyTruthy(value) ? pyStr(value) : null
}

function optionalList(value: unknown): string[] | null {
  return pyTruthy(value) ? pyIter(value).map(pyStr) : null
}

// Python's str.strip() without arguments: the characters str.isspace() accepts.
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g')

export function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '')
}

function byBackendOrder(a: Conversion, b: Conversion): number {
  const rank = (c: Conversion) => {
    const i = (BACKENDS as readonly string[]).indexOf(c.backend)
    return i < 0 ? BACKENDS.length : i
  }
  return rank(a) - rank(b)
}
