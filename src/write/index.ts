export { writeTree, insideOrThrow, OUTPUT_MARKER, UnsafeOutputError, type OutputFiles } from './write-tree.js'
export { safeFileName } from './safe-file-name.js'
export { writeChanged, outputUpToDate, OUTPUT_MANIFEST, type WriteReport, type OutputStamps, type HashMemo } from './write-changed.js'
export { DeferredText, contentOf, textOf, type OutputContent } from './deferred-text.js'
