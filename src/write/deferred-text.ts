/**
 * An output file's text that is read only when needed, with its content hash known now: a card the cache
 * kept. The write step compares the hash with the last build's and leaves the file alone when it matches,
 * so an unchanged card's text is never read.
 */
export class DeferredText {
  constructor(
    readonly hash: string,
    private readonly load: () => string,
  ) {}

  get text(): string {
    return this.load()
  }
}

/** What an output file holds: text, bytes, or text read when needed. */
export type OutputContent = string | Uint8Array | DeferredText

/** The content itself (reads a deferred text). */
export function contentOf(content: OutputContent): string | Uint8Array {
  return content instanceof DeferredText ? content.text : content
}

/** Markdown of a page given as text or as deferred text. */
export function textOf(content: string | DeferredText): string {
  return typeof content === 'string' ? content : content.text
}
