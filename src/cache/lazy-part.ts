/**
 * A heavy part of a packed entry (a rule's documents, queries and card), read from the pack only when
 * something asks for it. A build after a one-rule edit asks for almost none: unchanged rules' pages are
 * kept, and what the cross-link pages show is in the rest of the unit. Deserialising every rule's parts
 * cost a new process about 0.3 s (and the collections of the 80 MB it made) on the corpus.
 *
 * How the pack keeps it (`kind`): `serialised` (anything v8 can serialise), `json` (plain JSON data: no
 * Map, Date or undefined in a list) or `text` (a string, kept as it is). JSON and text are written without
 * a serialisation buffer (see UnitPacks).
 */
export type PartKind = 'serialised' | 'json' | 'text'

export class LazyPart<T> {
  private loaded = false
  private value: T | undefined

  constructor(
    private load: (() => T) | undefined,
    readonly kind: PartKind = 'serialised',
  ) {}

  /** A part already in memory (computed by this process). */
  static of<T>(value: T, kind: PartKind = 'serialised'): LazyPart<T> {
    const part = new LazyPart<T>(undefined, kind)
    part.loaded = true
    part.value = value
    return part
  }

  get(): T {
    if (!this.loaded) {
      this.value = this.load!()
      this.loaded = true
      this.load = undefined
    }
    return this.value as T
  }

  /** True once the value is in memory (asked for, or computed here). */
  get isLoaded(): boolean {
    return this.loaded
  }
}

/** A unit's part as a LazyPart (from a pack) or a plain value (computed here, or posted by a worker). */
export function partValue<T>(part: T | LazyPart<T>): T {
  return part instanceof LazyPart ? part.get() : part
}
