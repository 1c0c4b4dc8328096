import type { ScalarTag, Tags } from 'yaml'

/*
 * Plain scalars that PyYAML (which ATC and the legacy converter used) resolves differently from the `yaml`
 * package's YAML 1.1 schema: `y`/`n` stay strings, decimals with leading zeros such as `00000429` stay
 * strings, floats need digits around the dot (`.` is a string) and exponents a dot and a sign (`1e3` is a string). Shared by both readers.
 */
export const PYYAML_TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
export const PYYAML_FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/
export const PYYAML_INT_DEC = /^[-+]?(?:0|[1-9][0-9_]*)$/
export const PYYAML_FLOAT_EXP = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/
/** A lone `.`, `-.5` or `+.` stay strings in PyYAML. */
export const PYYAML_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/

/** `parseAllDocuments(text, { version: '1.1', customTags: pyyamlCustomTags })` reads scalars like PyYAML. */
export function pyyamlCustomTags(tags: Tags): Tags {
  return tags.map((tag) => {
    const t = tag as ScalarTag
    if (!t.test) return tag
    if (t.tag === 'tag:yaml.org,2002:bool') return { ...t, test: t.test.source.includes('[Tt]rue') ? PYYAML_TRUE : PYYAML_FALSE }
    if (t.tag === 'tag:yaml.org,2002:int' && t.format === undefined) return { ...t, test: PYYAML_INT_DEC }
    if (t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP') return { ...t, test: PYYAML_FLOAT_EXP }
    if (t.tag === 'tag:yaml.org,2002:float' && t.format === undefined && !/nan/i.test(t.test.source)) return { ...t, test: PYYAML_FLOAT }
    return tag
  })
}
