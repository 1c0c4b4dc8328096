import type { ScalarTag, Tags } from 'yaml'

/**
 * Makes the `yaml` package's YAML 1.1 schema resolve plain scalars like PyYAML (which the legacy
 * converter used), where the two differ: `y`/`n` stay strings, decimals with leading zeros such as
 * `00000429` stay strings, and exponent floats need a dot (`1e3` is a string).
 *
 *   parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })
 */
export function pyyamlCustomTags(tags: Tags): Tags {
  return tags.map((tag) => {
    const t = tag as ScalarTag
    if (!t.test) return tag
    const source = t.test.source
    if (t.tag === 'tag:yaml.org,2002:bool') {
      const truthy = source.includes('[Tt]rue')
      return { ...t, test: truthy ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/ }
    }
    if (t.tag === 'tag:yaml.org,2002:int' && t.format === undefined) return { ...t, test: /^[-+]?(?:0|[1-9][0-9_]*)$/ }
    if (t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP') return { ...t, test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/ }
    return tag
  })
}
