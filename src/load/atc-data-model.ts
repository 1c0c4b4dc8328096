import { compareDiagnostics, type Diagnostic } from '../diagnostics.js'
import type { DataSource } from '../model.js'
import { PyDict, type PyValue } from '../render/atc-data-py-value.js'
import { pyStr, pyStrip } from '../render/atc-data-py-str.js'
import { parsePyYaml, toPy } from '../render/atc-data-py-yaml.js'
import { keyPositionOf, type YamlSource } from './yaml-source.js'

/**
 * Typed views of atc-data documents as atc-data's generator reads them (PyYAML, then jinja2):
 * every field is already the text the card shows. Where that generator would stop with an
 * error (a missing description, a list that is null…) the view takes the sensible reading
 * and a diagnostic says why.
 */
export interface DataNeeded {
  title: string
  author: string
  description: string
  /** Logging Policy titles; `null` where the document says `None` (the generator's "not existing" mark). */
  loggingPolicy: (string | null)[]
  /** `null` when the document has none: the card then has no Mitigation Policy row. */
  mitigationPolicy: string[] | null
  references: string[]
  platform: string
  type: string
  channel: string
  provider: string
  fields: string[]
  /** `null` when absent or empty: no Log Samples section. */
  sample: string | null
  enrichedSample: string | null
}

export interface LoggingPolicy {
  title: string
  author: string
  description: string
  default: string
  volume: string
  eventId: string[]
  references: string[]
  /** `null` when absent or empty: no Configuration section. */
  configuration: string | null
}

/** List fields are `null` when absent or empty: the card prints `None`. */
export interface Enrichment {
  title: string
  description: string
  dataNeeded: string[] | null
  dataToEnrich: string[] | null
  references: string[] | null
  author: string
  requirements: string[] | null
  newFields: string[] | null
  config: string
}

export interface Checked<T> {
  value: T
  diagnostics: Diagnostic[]
}

export function readDataNeeded(source: DataSource): Checked<DataNeeded> {
  return readOnce(source, 'Data Needed', readDataNeededNow)
}

export function readLoggingPolicy(source: DataSource): Checked<LoggingPolicy> {
  return readOnce(source, 'Logging Policy', readLoggingPolicyNow)
}

export function readEnrichment(source: DataSource): Checked<Enrichment> {
  return readOnce(source, 'Enrichment', readEnrichmentNow)
}

/**
 * The wiki card and the site page both read a document, and reading it parses its text again with the
 * `yaml` package (for jinja2's view of every field): done once per source.
 */
function readOnce<T>(source: DataSource, kind: string, read: (source: DataSource) => Checked<T>): Checked<T> {
  let byKind = readings.get(source)
  if (!byKind) readings.set(source, (byKind = new Map()))
  const known = byKind.get(kind)
  if (known && known.text === source.text) return known.result as Checked<T>
  const result = read(source)
  byKind.set(kind, { text: source.text, result })
  return result
}

const readings = new WeakMap<DataSource, Map<string, { text: string | undefined; result: Checked<unknown> }>>()

function readDataNeededNow(source: DataSource): Checked<DataNeeded> {
  const r = new FieldReader(source, 'Data Needed')
  const value: DataNeeded = {
    title: r.required('title', r.text),
    author: r.text('author'),
    description: r.required('description', r.stripped),
    // the generator sets this key even when absent, and a missing list stops it
    loggingPolicy: r.required('loggingpolicy', (key) => r.titles(key, 'None')),
    mitigationPolicy: r.optionalList('mitigation_policy'),
    references: r.list('references', { wrapString: true }),
    platform: r.text('platform'),
    type: r.text('type'),
    channel: r.text('channel'),
    provider: r.text('provider'),
    fields: r.list('fields'),
    sample: r.block('sample'),
    enrichedSample: r.block('enriched_sample'),
  }
  return { value, diagnostics: r.sortedDiagnostics() }
}

function readLoggingPolicyNow(source: DataSource): Checked<LoggingPolicy> {
  const r = new FieldReader(source, 'Logging Policy')
  const value: LoggingPolicy = {
    title: r.required('title', r.text),
    author: r.text('author'),
    description: r.required('description', r.stripped),
    default: r.text('default'),
    volume: r.text('volume'),
    eventId: r.list('eventID'),
    references: r.list('references'),
    configuration: r.block('configuration'),
  }
  return { value, diagnostics: r.sortedDiagnostics() }
}

function readEnrichmentNow(source: DataSource): Checked<Enrichment> {
  const r = new FieldReader(source, 'Enrichment')
  const value: Enrichment = {
    title: r.required('title', r.text),
    description: r.required('description', r.stripped),
    dataNeeded: r.listOrNone('data_needed'),
    dataToEnrich: r.listOrNone('data_to_enrich'),
    references: r.listOrNone('references'),
    author: r.text('author'),
    requirements: r.listOrNone('requirements'),
    newFields: r.listOrNone('new_fields'),
    config: r.text('config'),
  }
  return { value, diagnostics: r.sortedDiagnostics() }
}

/** Reads one document's fields with jinja2's rules; collects diagnostics instead of throwing. */
class FieldReader {
  readonly diagnostics: Diagnostic[] = []
  private readonly fields: PyDict
  /** False when the document is not a map: one error says so, no per-field noise follows. */
  private readonly isMap: boolean
  private readonly yaml: YamlSource | undefined

  constructor(
    private readonly source: DataSource,
    private readonly kind: string,
  ) {
    let root: PyValue | undefined
    if (source.text) {
      const parsed = parsePyYaml(source.path, source.text)
      this.diagnostics.push(...parsed.diagnostics)
      this.yaml = parsed.source
      root = parsed.value
    }
    // Hand-made sources (no text) or unreadable text: fall back to the plain JS document.
    if (root === undefined) root = toPy(source.doc)
    this.isMap = root instanceof PyDict
    if (root instanceof PyDict) {
      this.fields = root
    } else {
      this.fields = new PyDict([])
      this.report(undefined, 'atc-not-map', `${kind} document is ${describe(root)}, expected a YAML map of fields such as title`, 'error')
    }
  }

  /** `{{ key }}`: nothing when absent, Python's `str()` otherwise. */
  readonly text = (key: string): string => {
    const value = this.fields.get(key)
    return value === undefined ? '' : pyStr(value)
  }

  /** `{{ key.strip() }}`: the generator strips the description to keep the table row intact. */
  readonly stripped = (key: string): string => {
    const value = this.fields.get(key)
    if (typeof value === 'string') return pyStrip(value)
    if (value === undefined) return ''
    this.report(key, 'atc-field-type', `'${key}' is ${describe(value)}, expected text`)
    return value === null ? '' : pyStr(value)
  }

  /** A field the generator cannot do without: warn when absent, read it anyway. */
  required<T>(key: string, read: (key: string) => T): T {
    if (this.isMap && !this.fields.has(key)) this.report(undefined, 'atc-missing-field', `${this.kind} has no '${key}', expected one`)
    return read(key)
  }

  /** `{% for item in key %}`; `wrapString` is the generator's own fix-up of a single string into a list. */
  list(key: string, options: { wrapString?: boolean } = {}): string[] {
    return this.loop(key, options.wrapString ?? false).map(pyStr)
  }

  /** Like `list` (string wrapped), with `null` for an item that is exactly `placeholder`. */
  titles(key: string, placeholder: string): (string | null)[] {
    return this.loop(key, true).map((item) => (item === placeholder ? null : pyStr(item)))
  }

  /** A list that may be left out (`is not none` in the template). */
  optionalList(key: string): string[] | null {
    const value = this.fields.get(key)
    if (value === undefined || value === null) return null
    return typeof value === 'string' ? [value] : this.items(key, value).map(pyStr)
  }

  /** `{% if key is defined and key|length %}<ul>{% for … %}</ul>{% else %} None{% endif %}`. */
  listOrNone(key: string): string[] | null {
    const value = this.fields.get(key)
    if (value === undefined) return null
    const items = this.items(key, value)
    return items.length > 0 ? items.map(pyStr) : null
  }

  /** `{% if key is defined and key|length %}…{{ key }}…{% endif %}`: a text section shown when not empty. */
  block(key: string): string | null {
    const value = this.fields.get(key)
    if (value === undefined) return null
    if (value === null) {
      this.report(key, 'atc-field-type', `'${key}' is empty (null), expected text; the section is left out`)
      return null
    }
    if (typeof value === 'string' || Array.isArray(value)) return value.length > 0 ? pyStr(value) : null
    if (value instanceof PyDict) return value.entries.length > 0 ? pyStr(value) : null
    this.report(key, 'atc-field-type', `'${key}' is ${describe(value)}, expected text`)
    return pyStr(value)
  }

  private loop(key: string, wrapString: boolean): PyValue[] {
    const value = this.fields.get(key)
    if (value === undefined) return []
    return typeof value === 'string' && wrapString ? [value] : this.items(key, value)
  }

  /** What jinja2's for loop visits: list items, dict keys, a string's characters. */
  private items(key: string, value: PyValue): PyValue[] {
    if (Array.isArray(value)) return value
    if (value instanceof PyDict) return value.entries.map(([k]) => k)
    if (typeof value === 'string') {
      this.report(key, 'atc-field-type', `'${key}' is a single text, expected a list; atc-data lists each of its characters`)
      return [...value]
    }
    if (value === null) {
      this.report(key, 'atc-field-type', `'${key}' is empty (null), expected a list`)
      return []
    }
    this.report(key, 'atc-field-type', `'${key}' is ${describe(value)}, expected a list`)
    return [value]
  }

  sortedDiagnostics(): Diagnostic[] {
    return [...this.diagnostics].sort(compareDiagnostics)
  }

  private report(key: string | undefined, code: string, message: string, severity: Diagnostic['severity'] = 'warning'): void {
    const doc = this.yaml?.documents[0]
    const { line, col } = this.yaml && doc && key !== undefined ? keyPositionOf(this.yaml, doc, [key]) : { line: 1, col: 1 }
    this.diagnostics.push({ path: this.source.path, line, col, severity, message, code })
  }
}

function describe(value: PyValue | undefined): string {
  if (value === undefined || value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof PyDict) return 'a map'
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`
  return `the value ${pyStr(value)}`
}
