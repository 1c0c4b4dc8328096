/**
 * A heavy part of a packed entry (a rule's documents, queries and card), read from the pack only when
 * something asks for it. A build after a one-rule edit asks for almost none: unchanged rules' pages are
 * kept, and what the cross-link pages show is in the rest of the unit. Deserialising every rule's parts
 * cost a new process about 0.3 s (and the collections of the 80 MB it made) on the corpus.
 *
 * `json`: the part is plain JSON data (no Map, Date or undefined in a list), kept in the pack as JSON text,
 * which is written without a serialisation buffer (see UnitPacks).
 */
export class LazyPart<T> {
  private loaded = false
  private value: T | undefined

  constructor(
    private load: (() => T) | undefined,
    readonly json = false,
  ) {}

  /** A part already in memory (computed by this process). */
  static of<T>(value: T, json = false): LazyPart<T> {
    const part = new LazyPart<T>(undefined, json)
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
