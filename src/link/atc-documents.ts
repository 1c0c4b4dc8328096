import { fastYamlDocuments } from '../load/fast-yaml.js'
import { parseYamlSource } from '../load/yaml-source.js'
import type { RuleSource, YamlMap } from '../model.js'
import { isPyMap } from './py-semantics.js'

const cache = new WeakMap<RuleSource, YamlMap[]>()

/**
 * The rule's documents as ATC holds them: it reads the file in text mode (universal newlines)
 * and turns every `&` into `&amp;` *before* parsing, so every parsed string — keys too — carries `&amp;`.
 * Parsed once per rule.
 */
export function atcDocuments(rule: RuleSource): YamlMap[] {
  let docs = cache.get(rule)
  if (!docs) {
    docs = rule.text.includes('&') ? reparse(rule) : rule.documents
    cache.set(rule, docs)
  }
  return docs
}

/** What Python's text-mode `read()` returns: `\r\n` and lone `\r` become `\n`. */
export function universalNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

function reparse(rule: RuleSource): YamlMap[] {
  const text = universalNewlines(rule.text).replace(/&/g, '&amp;')
  // The fast reader gives what the slow one does, or declines (see fastYamlDocuments).
  const fast = fastYamlDocuments(text)?.filter(isPyMap) as YamlMap[] | undefined
  if (fast) return fast.length ? fast : rule.documents.map((d) => escapeDeep(d) as YamlMap)
  const { source, diagnostics } = parseYamlSource(rule.path, text)
  // `&` is also YAML's anchor sign: when the escaped text no longer parses, escape the values instead.
  if (diagnostics.length > 0) return rule.documents.map((d) => escapeDeep(d) as YamlMap)
  const out: YamlMap[] = []
  try {
    for (const doc of source.documents) {
      const value = doc.toJS({ maxAliasCount: 1000 }) as unknown
      if (isPyMap(value)) out.push(value as YamlMap)
    }
  } catch {
    // An alias whose anchor the escaping renamed (`&a` → `&amp;a`) no longer resolves.
    out.length = 0
  }
  return out.length ? out : rule.documents.map((d) => escapeDeep(d) as YamlMap)
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/&/g, '&amp;')
  if (Array.isArray(value)) return value.map(escapeDeep)
  if (isPyMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/&/g, '&amp;'), escapeDeep(v)]))
  return value
}
