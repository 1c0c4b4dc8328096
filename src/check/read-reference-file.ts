import { readFileSync } from 'node:fs'
import { hashOf } from '../cache/hash.js'
import { fastYamlDocuments } from '../load/fast-yaml.js'
import type { CheckedFile, FileKind } from './check.js'
import { classifyFile } from './classify-file.js'
import { readCheckedFile } from './read-checked-file.js'
import type { ReferenceValues } from './reference-values.js'

/**
 * A file read only as reference data (no finding is reported on it: the configured rules beside a checked
 * one, say): its values as the build reads them, without positions. Parsing with positions took three
 * quarters of `check` on one rule of the corpus (3.3 of 4.5 s, for the 3,500 files beside it). Its
 * positioned source and documents are parsed only if something asks for them; a file the fast reader
 * declines (a syntax error, an alias, a tag) is read with positions at once, as a checked file is.
 * With `known`, values kept by an earlier run for the same text are taken instead of parsing it again.
 */
export function readReferenceFile(absolute: string, path: string, folderKind: FileKind | undefined, known?: ReferenceValues): CheckedFile {
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch {
    return readCheckedFile(absolute, path, false, folderKind)
  }
  const hash = known ? hashOf(text) : ''
  let values = known?.get(absolute, hash)
  if (values === undefined) {
    values = fastYamlDocuments(text)
    if (values === undefined) return readCheckedFile(absolute, path, false, folderKind, text)
    known?.set(absolute, hash, values)
  }
  let positioned: CheckedFile | undefined
  const withPositions = () => (positioned ??= readCheckedFile(absolute, path, false, folderKind, text))
  return {
    path,
    kind: folderKind ?? classifyFile(absolute, values[0]),
    text,
    values,
    syntaxErrors: [],
    target: false,
    get source() {
      return withPositions().source
    },
    get documents() {
      return withPositions().documents
    },
  }
}
