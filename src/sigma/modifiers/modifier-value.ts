/**
 * Values flowing through a detection item's modifier chain. Plain YAML scalars and lists stay plain;
 * modifiers that change the meaning of a value wrap it in a typed record.
 */
export type ModValue =
  | string
  | number
  | boolean
  | null
  | Date
  | Uint8Array
  | ModValue[]
  | ValueGroup
  | RegexValue
  | CidrValue
  | CompareValue
  | FieldRefValue
  | ExistsValue
  | ExpandValue
  | NotEqualValue
  | CasedValue

/**
 * Several alternatives (or all-of) for one field. `wrapped` marks groups the legacy converter built as
 * a parenthesised sub-expression (windash, base64offset) rather than a bare AND (`all`).
 */
export interface ValueGroup { kind: 'group'; op: 'and' | 'or'; items: ModValue[]; wrapped: boolean }
export interface RegexValue { kind: 're'; pattern: string; flags: string }
export interface CidrValue { kind: 'cidr'; network: string }
export interface CompareValue { kind: 'compare'; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
export interface FieldRefValue { kind: 'fieldref'; field: string }
export interface ExistsValue { kind: 'exists'; exists: boolean }
export interface ExpandValue { kind: 'expand'; template: string }
export interface NotEqualValue { kind: 'neq'; value: ModValue }
export interface CasedValue { kind: 'cased'; value: string }

export type TypedValue = Exclude<ModValue, string | number | boolean | null | Date | Uint8Array | ModValue[]>

export function isTyped(value: unknown): value is TypedValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) &&
    !(value instanceof Uint8Array) && typeof (value as { kind?: unknown }).kind === 'string'
}

export function isGroup(value: unknown): value is ValueGroup {
  return isTyped(value) && value.kind === 'group'
}

/** Result of applying one modifier: a new value, or a message saying why the value does not fit. */
export type ModResult = { ok: true; value: ModValue } | { ok: false; message: string }

export function modOk(value: ModValue): ModResult {
  return { ok: true, value }
}

export function modFail(message: string): ModResult {
  return { ok: false, message }
}
