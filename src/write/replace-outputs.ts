import { hashOf } from '../cache/hash.js'
import { OutputStage, stampsOf, type OutputStamps } from './output-stage.js'
import { writeManifestIn } from './write-changed.js'

/**
 * Replaces a few files of an output folder an earlier build wrote (and nothing else): each is staged, then
 * moved into place, and the manifest is rewritten with their new hashes. Returns the stamps and manifest
 * now, or undefined (nothing written) when the folder has no manifest. `manifest`: as the caller just read it.
 */
export function replaceOutputs(outDir: string, changes: ReadonlyMap<string, string>, stamps: OutputStamps, manifest?: ReadonlyMap<string, string>): { stamps: OutputStamps; manifest: Map<string, string> } | undefined {
  const stage = new OutputStage(outDir, stamps, { manifest })
  if (!stage.previous) return undefined
  try {
    const next = new Map(stage.previous)
    for (const [rel, text] of changes) {
      stage.write(rel, text)
      next.set(rel, hashOf(text))
    }
    stage.moveIn(changes.keys())
    writeManifestIn(stage.target, next)
    return { stamps: new Map([...stamps, ...stampsOf(stage.target, changes.keys())]), manifest: next }
  } finally {
    stage.discard()
  }
}
