import type { BuildConfig } from '../config.js'
import { ruleConverter } from '../convert-all.js'
import type { RawConfigCache } from '../convert/config/conversion-config.js'
import { hashOf } from './hash.js'
import type { UnitStore } from './unit-store.js'
import type { RuleContext } from './work-units.js'

// Converters are set up once per set of converter configs, with the cache entries their setup read.
const converters = new Map<string, { convert: RuleContext['convert']; keys: string[] }>()

export function convertersFor(config: Pick<BuildConfig, 'converterConfigs'>, convertKey: string, store?: Pick<UnitStore, 'get' | 'put' | 'keep'>): RuleContext['convert'] {
  const known = converters.get(convertKey)
  if (known) {
    // Set up by an earlier build of this process: its cache entries are still wanted by the next process.
    if (store) keepConverterConfigs(convertKey, store)
    return known.convert
  }
  // A new process takes the parsed configuration documents from the cache instead of parsing them again.
  const keys: string[] = []
  const convert = ruleConverter(config, store && rawConfigCache(store, keys))
  converters.set(convertKey, { convert, keys })
  store?.put(configKeysKey(convertKey), keys, true)
  return convert
}

/** The parsed converter configuration documents kept in `store`, by their text; `keys` collects the entries read or written. */
export function rawConfigCache(store: Pick<UnitStore, 'get' | 'put'>, keys: string[] = []): RawConfigCache {
  const key = (text: string) => {
    const k = hashOf('conversion-config-raw-1', text)
    keys.push(k)
    return k
  }
  return { get: (text) => store.get(key(text)), put: (text, raw) => store.put(key(text), raw) }
}

function configKeysKey(convertKey: string): string {
  return hashOf('conversion-config-keys-1', convertKey)
}

/**
 * Keeps the parsed configurations of the current converters for the next build, when this one converts
 * nothing (every rule cached): an edit undone would otherwise cost the next edit 70 ms of parsing again.
 */
export function keepConverterConfigs(convertKey: string, store: Pick<UnitStore, 'get' | 'keep'>): void {
  const keys = converters.get(convertKey)?.keys ?? store.get<string[]>(configKeysKey(convertKey))
  if (Array.isArray(keys)) store.keep([...keys, configKeysKey(convertKey)])
}
