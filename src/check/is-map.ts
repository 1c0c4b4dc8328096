import type { YamlMap } from '../model.js'

/** A YAML mapping as plain JS (not a list, not a timestamp). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}
