import type { KeyedStore } from '../cache/unit-store.js'

/**
 * The per-rule parts of a file made from every rule (a record of `rules.json`, the rows of
 * `analytics.csv`), kept between builds under a key of what each part is made from: a one-rule edit
 * makes one part again and joins the rest. Kept in `store` as one entry, written back only when a
 * build made or dropped a part.
 */
export class FragmentMemo {
  private readonly before: ReadonlyMap<string, string>
  private readonly now = new Map<string, string>()
  private made = 0

  constructor(
    private readonly store: KeyedStore | undefined,
    private readonly key: string,
  ) {
    const kept = store?.get<unknown>(key)
    this.before = kept instanceof Map ? (kept as Map<string, string>) : new Map()
  }

  /** The part kept under `key`, or `make()` kept from now on. */
  text(key: string, make: () => string): string {
    let text = this.now.get(key) ?? this.before.get(key)
    if (text === undefined) {
      text = make()
      this.made++
    }
    this.now.set(key, text)
    return text
  }

  /** Keeps the parts this build used, when it made new ones or no longer used some. */
  save(): void {
    if (this.store && (this.made > 0 || this.now.size !== this.before.size)) this.store.put(this.key, this.now)
  }
}
