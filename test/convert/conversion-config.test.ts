import { describe, expect, it } from 'vitest'
import { BUNDLED_CONFIGS } from '../../src/convert/config/bundled-configs.js'
import { parseConversionConfig } from '../../src/convert/config/conversion-config.js'
import type { YamlMap } from '../../src/model.js'
import { deserialize, serialize } from 'node:v8'

describe('parseConversionConfig with a cache of parsed documents', () => {
  it('keeps each bundled configuration once and reads it back to the same configuration', () => {
    const kept = new Map<string, Buffer>()
    const cache = { get: (text: string) => (kept.has(text) ? (deserialize(kept.get(text)!) as YamlMap) : undefined), put: (text: string, raw: YamlMap) => void kept.set(text, serialize(raw)) }
    for (const [name, text] of Object.entries(BUNDLED_CONFIGS)) {
      const fresh = parseConversionConfig(text, name, cache)
      expect(kept.has(text), name).toBe(true)
      const again = parseConversionConfig(text, name, cache)
      expect(again, name).toEqual(fresh)
      expect(again, name).toEqual(parseConversionConfig(text, name))
    }
  })

  it('keeps nothing for a configuration it rejects', () => {
    const kept = new Map<string, YamlMap>()
    const cache = { get: (text: string) => kept.get(text), put: (text: string, raw: YamlMap) => void kept.set(text, raw) }
    expect(parseConversionConfig('fieldmappings: [1, 2]\n', 'bad.yml', cache).ok).toBe(false)
    expect(kept.size).toBe(0)
  })
})
