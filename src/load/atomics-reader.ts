import type { Event } from 'js-yaml'
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import type { Diagnostic, Severity } from '../diagnostics.js'
import { keyPositionOf, parseYamlSource, type YamlSource } from './yaml-source.js'
import { ScalarIndex } from './scalar-index.js'
import { isRubyNil, isRubyTruthy, mayLoadAsNonString, rubyScalarText, type ScalarSource } from './ruby-scalar-text.js'

export type Step = string | number

/** Where a typed view of a YAML document can look up the source, for positions and PyYAML scalar fidelity. */
export interface SourceOptions {
  /** The parsed source, when the caller has it. */
  source?: YamlSource
  /** The file text: parsed on first need when `source` is not given. */
  text?: string
  /** js-yaml's events of `text`, when the caller has them (its fast read): spares parsing the text again. */
  events?: readonly Event[]
}

/**
 * Reads values out of a plain-JS YAML document by path the way Atomic Red Team's Ruby generator
 * sees them (Psych values, `to_s`, Ruby truthiness), collecting diagnostics that name the path
 * and point at the key's line:col. The YAML source is only parsed when a value needs it (a
 * scalar Psych may load differently from the `yaml` package, or a position for a diagnostic).
 */
export class AtomicsReader {
  readonly diagnostics: Diagnostic[] = []
  private source: YamlSource | null | undefined
  private index: ScalarIndex | null | undefined

  constructor(
    readonly path: string,
    private readonly options: SourceOptions = {},
  ) {
    this.source = options.source
  }

  report(steps: readonly Step[], message: string, code: string, severity: Severity = 'error'): void {
    const { line, col } = this.positionOf(steps)
    const where = steps.length ? `${formatSteps(steps)}: ` : ''
    this.diagnostics.push({ path: this.path, line, col, severity, message: `${where}${message}`, code })
  }

  /** Ruby `to_s` of the Psych value at `steps` (nil is ''). */
  text(value: unknown, steps: readonly Step[]): string {
    if (typeof value === 'string' && !mayLoadAsNonString(value)) return value
    return rubyScalarText(value, this.scalarNode(value, steps))
  }

  isNil(value: unknown, steps: readonly Step[]): boolean {
    if (typeof value === 'string' && !mayLoadAsNonString(value)) return false
    return isRubyNil(value, this.scalarNode(value, steps))
  }

  /** Ruby truthiness: everything but nil and false. */
  truthy(value: unknown, steps: readonly Step[]): boolean {
    if (typeof value === 'string' && !mayLoadAsNonString(value)) return true
    return isRubyTruthy(value, this.scalarNode(value, steps))
  }

  /**
   * A mapping's keys in document order with the text Ruby would print for each key.
   * JS objects list integer-like keys first, so such keys are read from the source when it is available.
   */
  keysOf(value: Record<string, unknown>, steps: readonly Step[]): { key: string; label: string }[] {
    const keys = Object.keys(value)
    const plain = keys.map((key) => ({ key, label: key }))
    if (keys.every((k) => /^[A-Za-z_][\w-]*$/.test(k) && !mayLoadAsNonString(k))) return plain
    const map = this.nodeAtSteps(steps)
    if (!isMap(map)) return plain
    const out: { key: string; label: string }[] = []
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null
      const raw = isScalar(keyNode) ? keyNode.value : keyNode
      const key = String(raw)
      if (!(key in value) || out.some((o) => o.key === key)) continue
      out.push({ key, label: isScalar(keyNode) ? rubyScalarText(raw, keyNode as ScalarSource) : key })
    }
    return out.length === keys.length ? out : plain
  }

  private scalarNode(value: unknown, steps: readonly Step[]): ScalarSource | null {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) return null
    const index = this.loadIndex()
    if (index) return index.scalarAt(steps)
    const node = this.nodeAtSteps(steps)
    return isScalar(node) ? (node as ScalarSource) : null
  }

  /** Scalars by path from the text, far cheaper than a `yaml` parse; the parse stays for positions and keys. */
  private loadIndex(): ScalarIndex | undefined {
    if (this.index === undefined) this.index = this.options.source || this.options.text === undefined ? null : (ScalarIndex.of(this.options.text, this.options.events) ?? null)
    return this.index ?? undefined
  }

  private nodeAtSteps(steps: readonly Step[]): Node | null {
    const source = this.loadSource()
    const doc = source?.documents[0]
    if (!doc) return null
    // Unlike nodeAt (deepest node reached), only an exact hit is the value we asked for.
    return exactNode(doc.contents as Node | null, steps)
  }

  private positionOf(steps: readonly Step[]): { line: number; col: number } {
    const source = this.loadSource()
    const doc = source?.documents[0]
    if (!source || !doc) return { line: 1, col: 1 }
    // A missing field is reported at the key of the mapping that should hold it.
    let at = steps
    while (at.length > 1 && exactNode(doc.contents as Node | null, at) === null) at = at.slice(0, -1)
    return keyPositionOf(source, doc, at)
  }

  private loadSource(): YamlSource | null {
    if (this.source === undefined) {
      this.source = this.options.text === undefined ? null : parseYamlSource(this.path, this.options.text).source
    }
    return this.source
  }
}

function exactNode(root: Node | null, steps: readonly Step[]): Node | null {
  let node: unknown = root
  for (const step of steps) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
      if (!pair) return null
      node = pair.value
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step]
    } else {
      return null
    }
  }
  return (node as Node | null) ?? null
}

/** `atomic_tests[2].executor.name` */
export function formatSteps(steps: readonly Step[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}
