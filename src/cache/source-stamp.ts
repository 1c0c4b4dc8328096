// By source object (an AtomicsSource): the cache key of the unit it came from.
const stamps = new WeakMap<object, string>()

/** Records that everything made from `source` alone (its card, its page) is determined by `key`. */
export function recordSourceStamp(source: object, key: string): void {
  stamps.set(source, key)
}

/** The key recorded for `source` by the cached build; undefined without a cache (the caller hashes what it uses). */
export function sourceStamp(source: object): string | undefined {
  return stamps.get(source)
}
