import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { deserialize } from 'node:v8'
import { LazyPart } from './lazy-part.js'

/** Ranges read one by one from a pack before the rest is read whole. */
const MANY_READS = 64

/** Where something is in a pack file: offset and length in bytes. */
export type Range = [number, number]

/** How a part kept as text reads back: parsed as JSON, or the text itself. */
export type TextKind = 'json' | 'text'

/** A pack file's footer (see UnitPacks): JSON, followed by its length as 4 bytes. */
export interface Footer {
  format: string
  keys: string[]
  /** A serialised Map of every entry's head (its value without its LazyPart fields). */
  heads: Range
  /** Per LazyPart field kept serialised: a serialised Map of that field's value per entry. */
  parts: Record<string, { at: Range; keys: string[] }>
  /** The LazyPart fields kept as text: entry key, field, range, kind. */
  texts: [string, string, number, number, TextKind][]
}

/**
 * One pack file, its entries made only when asked for: the heads all at once on the first entry, a field's
 * serialised parts all at once on the first LazyPart of that field that is read, a JSON part alone. Only
 * those ranges are read from the file: a build after a one-rule edit reads 10 of the corpus's 64 MB.
 */
export class PackReader {
  /** Bump when the pack file's shape changes. */
  static readonly FORMAT = 'unit-pack-3'

  private heads: Map<string, unknown> | undefined
  private readonly parts = new Map<string, Map<string, unknown>>()
  private readonly fields = new Map<string, { texts: Map<string, { range: Range; kind: TextKind }>; parts: string[] }>()

  /** The whole file, once pinned (see pin). */
  private bytes: Buffer | undefined
  /** Ranges read one by one so far. */
  private reads = 0

  private constructor(
    private readonly file: string,
    private fd: number | undefined,
    private readonly footer: Footer,
    readonly keys: Set<string>,
  ) {
    for (const [key, field, offset, length, kind] of footer.texts) this.fieldsOf(key).texts.set(field, { range: [offset, length], kind: kind === 'text' ? 'text' : 'json' })
    for (const [field, { keys: withPart }] of Object.entries(footer.parts)) for (const key of withPart) this.fieldsOf(key).parts.push(field)
  }

  /**
   * The pack in `file`; undefined when it is unreadable or not a pack of this format (each entry a miss).
   * The file stays open until `close`: parts are read through it, so a pack another build removes in the
   * meantime (a watching process beside a one-shot build, sharing the cache) stays readable.
   */
  static open(file: string): PackReader | undefined {
    let fd: number | undefined
    try {
      fd = openSync(file, 'r')
      const size = fstatSync(fd).size
      const length = readAt(fd, [size - 4, 4]).readUInt32LE(0)
      const end = size - 4 - length
      const footer = JSON.parse(readAt(fd, [end, length]).toString('utf8')) as Footer
      const inside = ([at, n]: Range) => Number.isInteger(at) && Number.isInteger(n) && at >= 0 && n >= 0 && at + n <= end
      const valid =
        footer?.format === PackReader.FORMAT &&
        Array.isArray(footer.keys) &&
        Array.isArray(footer.texts) &&
        [footer.heads, ...Object.values(footer.parts).map((p) => p.at), ...footer.texts.map(([, , at, n]) => [at, n] as Range)].every(inside)
      if (valid) return new PackReader(file, fd, footer, new Set(footer.keys))
    } catch {
      // Unreadable: a miss for each of its entries.
    }
    if (fd !== undefined) closeSync(fd)
    return undefined
  }

  /** Reads the whole file now and closes it: parts not read yet stay readable once the file is gone. */
  pin(): void {
    if (this.bytes) return
    this.bytes = readAt(this.fd!, [0, fstatSync(this.fd!).size])
    this.close()
  }

  /** Closes the file; parts not read yet can no longer be (pin first to keep them). */
  close(): void {
    if (this.fd === undefined) return
    closeSync(this.fd)
    this.fd = undefined
  }

  /** The entry's value, its LazyPart fields still on disk; undefined (a miss) when its bytes do not read. */
  entry(key: string): unknown {
    const head = this.headsOrUndefined()?.get(key)
    const fields = this.fields.get(key)
    if (head === undefined || !fields) return head
    const value = { ...(head as object) } as Record<string, unknown>
    for (const [field, { range, kind }] of fields.texts) value[field] = new LazyPart(() => (kind === 'json' ? (JSON.parse(this.text(range)) as unknown) : this.text(range)), kind)
    for (const field of fields.parts) value[field] = new LazyPart(() => this.part(field).get(key))
    return value
  }

  /** The entry as stored, for a new pack: text parts as their bytes, without reading them as strings. */
  split(key: string): { head: unknown; parts: Map<string, unknown>; texts: Map<string, { kind: TextKind; content: Buffer }> } | undefined {
    const head = this.headsOrUndefined()?.get(key)
    if (head === undefined) return undefined
    const fields = this.fields.get(key)
    const texts = new Map([...(fields?.texts ?? [])].map(([field, { range, kind }]) => [field, { kind, content: this.range(range) }]))
    const parts = new Map((fields?.parts ?? []).map((field) => [field, this.part(field).get(key)]))
    return { head, parts, texts }
  }

  private headsOrUndefined(): Map<string, unknown> | undefined {
    if (!this.heads) {
      try {
        this.heads = this.read(this.footer.heads)
      } catch {
        this.heads = new Map()
      }
    }
    return this.heads
  }

  private part(field: string): Map<string, unknown> {
    let values = this.parts.get(field)
    if (!values) this.parts.set(field, (values = this.read(this.footer.parts[field]!.at)))
    return values
  }

  private read(range: Range): Map<string, unknown> {
    const value = deserialize(this.range(range)) as unknown
    if (!(value instanceof Map)) throw new Error(`pack section at ${range[0]} of ${this.file} is not a Map`)
    return value as Map<string, unknown>
  }

  private text(range: Range): string {
    return this.range(range).toString('utf8')
  }

  private range([at, n]: Range): Buffer {
    // A build that makes many pages again (a restored cache, a changed template) reads most parts: one
    // read of the whole file then beats thousands of small ones.
    if (!this.bytes && ++this.reads > MANY_READS) this.pin()
    if (this.bytes) return this.bytes.subarray(at, at + n)
    if (this.fd === undefined) throw new Error(`pack ${this.file} was closed before its part at ${at} was read`)
    return readAt(this.fd, [at, n])
  }

  private fieldsOf(key: string): { texts: Map<string, { range: Range; kind: TextKind }>; parts: string[] } {
    let fields = this.fields.get(key)
    if (!fields) this.fields.set(key, (fields = { texts: new Map(), parts: [] }))
    return fields
  }
}

function readAt(fd: number, [at, n]: Range): Buffer {
  const buffer = Buffer.allocUnsafe(n)
  let done = 0
  while (done < n) {
    const got = readSync(fd, buffer, done, n - done, at + done)
    if (got === 0) throw new Error(`pack file ends before byte ${at + n}`)
    done += got
  }
  return buffer
}
