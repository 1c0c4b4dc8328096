import type { KeyedStore } from '../cache/unit-store.js'
import { spreadHash } from './spread-hash.js'

/**
 * Entries a memo's parts are spread over. An edit makes one part again, and its shard alone is written back:
 * as one entry, the 9 MB of the corpus's three memos were serialised and written again after every title edit.
 */
export const FRAGMENT_SHARDS = 16

/**
 * The per-rule parts of a file made from every rule (a record of `rules.json`, the rows of
 * `analytics.csv`), kept between builds under a key of what each part is made from: a one-rule edit
 * makes one part again and joins the rest. Kept in `store` as FRAGMENT_SHARDS entries, each written back
 * only when a build made or dropped one of its parts.
 */
export class FragmentMemo {
  private readonly before: ReadonlyMap<string, string>[]
  private readonly now: Map<string, string>[] = Array.from({ length: FRAGMENT_SHARDS }, () => new Map())
  private readonly made = new Set<number>()

  constructor(
    private readonly store: KeyedStore | undefined,
    private readonly key: string,
  ) {
    this.before = this.now.map((_, shard) => {
      const kept = store?.get<unknown>(shardKey(key, shard))
      return kept instanceof Map ? (kept as Map<string, string>) : new Map()
    })
  }

  /** The part kept under `key`, or `make()` kept from now on. */
  text(key: string, make: () => string): string {
    const shard = shardOf(key)
    let text = this.now[shard]!.get(key) ?? this.before[shard]!.get(key)
    if (text === undefined) {
      text = make()
      this.made.add(shard)
    }
    this.now[shard]!.set(key, text)
    return text
  }

  /** Keeps the parts this build used: each shard in which it made new ones or no longer used some. */
  save(): void {
    if (!this.store) return
    this.now.forEach((parts, shard) => {
      if (this.made.has(shard) || parts.size !== this.before[shard]!.size) this.store!.put(shardKey(this.key, shard), parts)
    })
  }
}

function shardKey(key: string, shard: number): string {
  return `${key}-${shard}`
}

/** A part's shard, from its key (keys need not be hexadecimal). */
function shardOf(key: string): number {
  return spreadHash(key) % FRAGMENT_SHARDS
}
