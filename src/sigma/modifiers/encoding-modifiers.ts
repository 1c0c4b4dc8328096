import { Buffer } from 'node:buffer'
import { mapEachValue, type Modifier } from './modifier.js'
import { modOk, type ModValue } from './modifier-value.js'

function toBytes(v: ModValue): Uint8Array | null {
  if (v instanceof Uint8Array) return v
  if (typeof v === 'string') return Buffer.from(v, 'utf8')
  if (typeof v === 'number') return Buffer.from(String(v), 'utf8')
  return null
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

/** `base64`: the value's Base64 encoding. */
export const base64Modifier: Modifier = {
  name: 'base64',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => {
    const bytes = toBytes(v)
    return bytes ? b64(bytes) : v
  })),
}

const START_OFFSETS = [0, 2, 3]
const END_TRIM = [0, 3, 2]

/** The three Base64 spellings of a value at byte offsets 0, 1 and 2 of an encoded stream. */
export function base64Offsets(bytes: Uint8Array): string[] {
  const out: string[] = []
  for (let i = 0; i < 3; i++) {
    const shifted = Buffer.concat([Buffer.alloc(i, 0x20), Buffer.from(bytes)])
    const encoded = b64(shifted)
    const trim = END_TRIM[(bytes.length + i) % 3]!
    out.push(encoded.slice(START_OFFSETS[i], trim ? encoded.length - trim : undefined))
  }
  return out
}

/** `base64offset`: any of the three offset encodings (a parenthesised OR group). */
export const base64offsetModifier: Modifier = {
  name: 'base64offset',
  legacy: 'known',
  apply: (value) => modOk(mapEachValue(value, (v) => {
    const bytes = toBytes(v)
    return bytes ? { kind: 'group', op: 'or', items: base64Offsets(bytes), wrapped: true } : v
  })),
}

function encoder(name: string, encode: (s: string) => Uint8Array): Modifier {
  return {
    name,
    legacy: 'known',
    apply: (value) => modOk(mapEachValue(value, (v) => (typeof v === 'string' ? encode(v) : v))),
  }
}

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le')
  for (let i = 0; i + 1 < le.length; i += 2) {
    const t = le[i]!
    le[i] = le[i + 1]!
    le[i + 1] = t
  }
  return le
}

export const utf16leModifier = encoder('utf16le', (s) => Buffer.from(s, 'utf16le'))
export const wideModifier = encoder('wide', (s) => Buffer.from(s, 'utf16le'))
export const utf16beModifier = encoder('utf16be', utf16be)
/** `utf16`: little endian with a byte-order mark, like Python's `utf-16` codec. */
export const utf16Modifier = encoder('utf16', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))
