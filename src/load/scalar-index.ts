import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml'
import { resolvePlainScalar } from './fast-yaml.js'
import type { ScalarSource } from './ruby-scalar-text.js'

type Step = string | number
type Entry = { kind: 'map' } | { kind: 'seq' } | { kind: 'scalar'; node: ScalarSource }

const STYLE_TYPE: Record<number, string> = {
  [SCALAR_STYLE.PLAIN]: 'PLAIN',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'QUOTE_SINGLE',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'QUOTE_DOUBLE',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'BLOCK_LITERAL',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'BLOCK_FOLDED',
}

/**
 * The scalars of a file's first YAML document by path, with the style and text the `yaml` package's nodes
 * would have, built from js-yaml's event stream (much cheaper than composing `yaml` documents). Lookups
 * follow `yaml` node lookup by path: map keys as `String(key value)`, the first of equal keys, sequence
 * items by number. Undefined (use the `yaml` package) for anything it does not mirror: tags, anchors,
 * aliases, merge or duplicate keys, collections as keys, syntax errors.
 */
export class ScalarIndex {
  private constructor(private readonly entries: Map<string, Entry>) {}

  /** `events`: js-yaml's events of `text`, when the caller parsed it already. */
  static of(text: string, events?: readonly Event[]): ScalarIndex | undefined {
    if (!events) {
      try {
        events = parseEvents(text, {})
      } catch {
        return undefined
      }
    }
    const entries = indexFirstDocument(text, events)
    return entries && new ScalarIndex(entries)
  }

  /** The scalar at `steps`, or null when there is none (a missing key, a collection, a wrong step kind). */
  scalarAt(steps: readonly Step[]): ScalarSource | null {
    let key = ''
    let entry = this.entries.get(key)
    for (const step of steps) {
      if (entry?.kind === 'map') key += `\u0000k${String(step)}`
      else if (entry?.kind === 'seq' && typeof step === 'number') key += `\u0000i${step}`
      else return null
      entry = this.entries.get(key)
    }
    return entry?.kind === 'scalar' ? entry.node : null
  }
}

interface Frame {
  kind: 'map' | 'seq'
  path: string
  next: number
  /** In a map: the key whose value comes next, undefined while a key is expected. */
  key?: string
  keys?: Set<string>
}

function indexFirstDocument(text: string, events: readonly Event[]): Map<string, Entry> | undefined {
  const entries = new Map<string, Entry>()
  const stack: Frame[] = []
  let started = false
  // Where the next node goes; undefined when it is a map key. Advances the parent past it.
  const place = (): string | undefined => {
    const parent = stack[stack.length - 1]
    if (!parent) return ''
    if (parent.kind === 'seq') return `${parent.path}\u0000i${parent.next++}`
    if (parent.key === undefined) return undefined
    const path = `${parent.path}\u0000k${parent.key}`
    parent.key = undefined
    return path
  }
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (started) return entries
        started = true
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.tagStart !== -1 || event.anchorStart !== -1) return undefined
        const path = place()
        if (path === undefined) return undefined
        const kind = event.type === EVENT_ID.MAPPING ? 'map' : 'seq'
        entries.set(path, { kind })
        stack.push({ kind, path, next: 0, keys: kind === 'map' ? new Set() : undefined })
        break
      }
      case EVENT_ID.SCALAR: {
        if (event.tagStart !== -1 || event.anchorStart !== -1) return undefined
        const value = event.valueStart === -1 ? '' : getScalarValue(text, event)
        const path = place()
        if (path !== undefined) {
          entries.set(path, { kind: 'scalar', node: scalarNode(event, value) })
          break
        }
        const parent = stack[stack.length - 1]!
        const key = keyOf(event, value)
        if (key === undefined || parent.keys!.has(key)) return undefined
        parent.keys!.add(key)
        parent.key = key
        break
      }
      case EVENT_ID.ALIAS:
        return undefined
      case EVENT_ID.POP:
        if (stack.length === 0) return entries
        stack.pop()
        break
    }
  }
  return entries
}

function scalarNode(event: ScalarEvent, value: string): ScalarSource {
  return { source: value, type: STYLE_TYPE[event.style] }
}

/** A key as `String(node.value)`; undefined for a merge key. */
function keyOf(event: ScalarEvent, value: string): string | undefined {
  if (event.style !== SCALAR_STYLE.PLAIN) return value
  if (value === '<<') return undefined
  return String(resolvePlainScalar(value))
}
