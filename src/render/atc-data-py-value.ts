/**
 * Values as PyYAML builds them and Python holds them, so cards print what atc-data's
 * generator (PyYAML + jinja2) prints: `bigint` is a Python int, `number` a Python float,
 * dates keep their date/datetime kind and time zone, mappings keep non-string keys.
 */
export type PyValue = string | bigint | number | boolean | null | PyDate | PyDateTime | PyValue[] | PyDict

/** `datetime.date`, what PyYAML makes of `2019-07-09`. */
export class PyDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}
}

/** `datetime.datetime`; `offsetMinutes` is null for a naive value, 0 with `isUtc` for `Z`. */
export class PyDateTime {
  constructor(
    readonly date: PyDate,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly microsecond: number,
    readonly offsetMinutes: number | null,
    readonly isUtc: boolean,
  ) {}
}

/** A Python dict: insertion-ordered, keys of any hashable kind (PyYAML turns `yes:` into `True`). */
export class PyDict {
  constructor(readonly entries: ReadonlyArray<readonly [PyValue, PyValue]>) {}

  /** `dict.get(key)` for a string key; `undefined` when absent (jinja2's Undefined). */
  get(key: string): PyValue | undefined {
    let found: PyValue | undefined
    for (const [k, v] of this.entries) if (k === key) found = v
    return found
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key)
  }
}

export function isPyDict(value: unknown): value is PyDict {
  return value instanceof PyDict
}
