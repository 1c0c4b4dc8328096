import { readFileSync, statSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import type { BuildConfig } from '../config.js'
import { hashOf } from './hash.js'
import { saveCacheFile } from './save-cache-file.js'
import { listInputs, type FileStat, type InputFile, type ListedInputs } from './list-inputs.js'

/** An input file's text and its content hash; the text may be read only when something asks for it. */
export interface InputText {
  /** hashOf(text): what cache keys are made of, so that a file known unchanged need not be read. */
  readonly hash: string
  text(): string
}

export interface ReadInputs {
  files: InputFile[]
  triggerFolders: Set<string>
  /** Per file (same order); undefined for a file that cannot be read. */
  texts: (InputText | undefined)[]
}

export type Entry = { file: InputFile; input: InputText | undefined }

/** What the last build read of each input: the file's size, times and inode then, and its text's hash. */
export type KnownInputs = Map<string, FileStat & { hash: string }>

/**
 * Kinds whose files a build may leave unread when the last build read them as they are: rules and atomics,
 * thousands of files of which an edit changes one. Their text is read when a card or page of theirs is made
 * again. The atc-data (a few hundred small files) is read always: every rule's key covers all of it.
 */
const UNREAD_KINDS = new Set<InputFile['kind']>(['rule', 'atomics'])

/**
 * Lists (unless `listed` has) and reads the input files. A file whose stamp (size, times, inode) is the one
 * `known` recorded is not read now: its hash is known, and its text is read if asked for.
 */
export function readInputs(config: BuildConfig, listed: ListedInputs = listInputs(config), known?: KnownInputs): ReadInputs {
  const { files, triggerFolders } = listed
  // The stamps taken here stay with the listing, for a watching process to reuse (see relisted).
  const stats = (listed.stats ??= new Map())
  return { files, triggerFolders, texts: files.map((file) => inputText(file, stats, UNREAD_KINDS.has(file.kind) ? known : undefined)) }
}

export function entriesOf(read: ReadInputs, kind: InputFile['kind']): Entry[] {
  const out: Entry[] = []
  read.files.forEach((file, i) => {
    if (file.kind === kind) out.push({ file, input: read.texts[i] })
  })
  return out
}

// Texts read by this process with the file's stamp: a watching process reads only files that changed.
const lastTexts = new Map<string, { stat: FileStat; input: InputText }>()
/** Forgets the texts this process read, as a new process starts without them (for tests). */
export function forgetReadTexts(): void {
  lastTexts.clear()
}

// A file changed this recently may change again within the same time stamp: read it again.
const RACY_MS = 2000

function inputText(file: InputFile, stats: Map<string, FileStat>, known: KnownInputs | undefined): InputText | undefined {
  try {
    let stat = stats.get(file.path)
    if (stat === undefined) stats.set(file.path, (stat = statSync(file.path)))
    const last = lastTexts.get(file.path)
    if (last && sameStat(last.stat, stat)) return last.input
    const before = known?.get(file.path)
    if (before && sameStat(before, stat)) {
      const input = unreadText(file.path, before.hash)
      lastTexts.set(file.path, { stat: fileStat(stat), input })
      return input
    }
    const text = readFileSync(file.path, 'utf8')
    const input: InputText = { hash: hashOf(text), text: () => text }
    if (Date.now() - stat.mtimeMs > RACY_MS) lastTexts.set(file.path, { stat: fileStat(stat), input })
    else lastTexts.delete(file.path)
    return input
  } catch {
    return undefined
  }
}

/** A text known by its hash, read on first use (once). */
function unreadText(path: string, hash: string): InputText {
  let text: string | undefined
  return {
    hash,
    text: () => {
      // Gone since it was listed (removed during the build): shown empty, and the next build sees it gone.
      try {
        text ??= readFileSync(path, 'utf8')
      } catch {
        text = ''
      }
      return text
    },
  }
}

export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino
}

/** Just the stamp of a stat result (a Stats object holds much more). */
export function fileStat({ size, mtimeMs, ctimeMs, ino }: FileStat): FileStat {
  return { size, mtimeMs, ctimeMs, ino }
}

/**
 * What this build knew of each input, for the next one: the stamps the listing took, with the hash of the
 * text read. Not the inputs in `racy` (changed too recently for their stamps to be trusted: see quickKey).
 */
export function knownInputsOf(read: ReadInputs, stats: ListedInputs['stats'], racy: readonly string[]): KnownInputs {
  const skip = new Set(racy)
  const known: KnownInputs = new Map()
  read.files.forEach((file, i) => {
    const input = read.texts[i]
    const stat = stats?.get(file.path)
    if (input && stat && !skip.has(file.path)) known.set(file.path, { ...fileStat(stat), hash: input.hash })
  })
  return known
}

/** Bump when KnownInputs changes shape. */
const FORMAT = 'known-inputs-1'

export function readKnownInputs(file: string): KnownInputs | undefined {
  try {
    const saved = deserialize(readFileSync(file)) as { format: string; known: KnownInputs }
    return saved.format === FORMAT && saved.known instanceof Map ? saved.known : undefined
  } catch {
    return undefined
  }
}

export function writeKnownInputs(file: string, known: KnownInputs): void {
  saveCacheFile(file, serialize({ format: FORMAT, known }))
}
