import type { HashMemo, OutputStamps } from '../write/index.js'
import type { BuildState } from './build-state.js'
import type { CardOnlyInput } from './card-edit-build.js'
import type { ListedInputs } from './list-inputs.js'
import type { UnitStore } from './unit-store.js'
import { PageMemo } from '../site/page-memo.js'

/**
 * What a process that builds again and again (watch, serve: one UnitStore for its life) keeps of its last
 * build, so the next one need not read it back from disk. A one-shot build has none.
 */
export interface ProcessMemory {
  /** The state the last build left (by cache folder and output), while it may not be saved yet. */
  state?: { cacheDir: string; out: string; state: BuildState }
  /** The output files' stamps after the last build. */
  stamps?: OutputStamps
  /** The output manifest the last build wrote, for a process that trusts its output folder. */
  manifest?: ReadonlyMap<string, string>
  /** The inputs the last build listed, with their stamps (see relisted). */
  listing?: ListedInputs
  /** What a card-only build starts from: the last full build's card index and known inputs. */
  cardInputs?: CardOnlyInput
  /** The output hashes of the last build, so only outputs that changed are hashed again. */
  readonly hashes: HashMemo
  /** The site pages of the last build; the first build starts from the memo saved on disk (see pageMemoOf). */
  pageMemo?: PageMemo
}

const memories = new WeakMap<UnitStore, ProcessMemory>()

/** The memory kept with `store`; a store no build has used yet gets an empty one. */
export function processMemory(store: UnitStore): ProcessMemory {
  let memory = memories.get(store)
  if (!memory) memories.set(store, (memory = { hashes: new Map() }))
  return memory
}

/**
 * What a build leaves for the next, all at once: its output stamps and manifest, its state (with a cache
 * folder) and what a card-only build would start from (none after a build that left no card index).
 */
export function rememberBuild(memory: ProcessMemory, last: { stamps: OutputStamps; manifest?: ReadonlyMap<string, string>; state?: ProcessMemory['state']; cardInputs?: CardOnlyInput }): void {
  memory.stamps = last.stamps
  if (last.manifest) memory.manifest = last.manifest
  if (last.state) memory.state = last.state
  memory.cardInputs = last.cardInputs
}

/** The page memo of the process, loaded from `file` (when there is one) by the first build that asks. */
export function pageMemoOf(memory: ProcessMemory, file: string | undefined): PageMemo {
  return (memory.pageMemo ??= file ? PageMemo.load(file) : new PageMemo())
}
