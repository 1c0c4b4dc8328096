import { readdirSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { loadCatalogue, type AttackCatalogue } from '../attack/index.js'
import type { BuildConfig } from '../config.js'
import { isDirectory } from '../load/index.js'
import { fileStem } from '../load/file-stem.js'
import type { AtomicsSource, DataSource, YamlMap } from '../model.js'
import type { CheckContext, CheckedFile, DataFile, FileKind, RuleFile } from './check.js'
import { configuredFolders, folderKindOf, listTargets, referenceFolders } from './collect-check-files.js'
import { isMap } from './is-map.js'
import { readCheckedFile } from './read-checked-file.js'
import { readReferenceFile } from './read-reference-file.js'
import type { ReferenceValues } from './reference-values.js'

export interface CheckRequest {
  /** Files or folders to check; empty: every configured input folder. */
  paths: readonly string[]
  config: BuildConfig
  /** Paths in findings are relative to this folder when below it. */
  cwd: string
  catalogue?: AttackCatalogue
  /** Values of reference files kept between runs (see ReferenceValues); updated with what this run parsed. */
  references?: ReferenceValues
}

const TECHNIQUE_FOLDER = /^T\d{4}(?:\.\d{3})?$/

/** Reads the checked files and the reference data they are judged against. Paths must exist (see `listTargets`). */
export function createCheckContext(request: CheckRequest): CheckContext {
  const { config, cwd } = request
  const folders = configuredFolders(config)
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute)
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute
  }
  const explicit = request.paths.map((p) => resolve(cwd, p))
  const targetPaths = explicit.length > 0 ? listTargets(explicit).files : folders.flatMap(([dir]) => listTargets([dir]).files)
  const files = new Map<string, CheckedFile>()
  for (const file of targetPaths) {
    const absolute = resolve(file)
    if (!files.has(absolute)) files.set(absolute, readCheckedFile(absolute, display(absolute), true, folderKindOf(absolute, folders)))
  }
  const targetKinds = new Set<FileKind>([...files.values()].map((f) => f.kind))
  const references = explicit.length > 0 ? referenceFolders([...files.keys()], targetKinds, config) : []
  const atomicsRoots = new Set<string>()
  for (const [dir, kind] of references) {
    if (kind === 'atomics' && isDirectory(dir)) atomicsRoots.add(resolve(dir))
    // Checks of other files read of the atomics only which techniques have a folder (atomicsRoots).
    if (kind === 'atomics' && !targetKinds.has('atomics')) continue
    for (const file of listTargets([dir]).files) {
      const absolute = resolve(file)
      if (!files.has(absolute)) files.set(absolute, readReferenceFile(absolute, display(absolute), kind, request.references))
    }
  }
  if (explicit.length === 0 && isDirectory(config.triggers)) atomicsRoots.add(resolve(config.triggers))
  return assembleContext([...files.entries()], atomicsRoots, request.catalogue ?? loadCatalogue())
}

/** Sorts parsed files by kind and builds the build's view of them (rule sources, data sources, trigger folders). */
export function assembleContext(entries: [string, CheckedFile][], atomicsRoots: Set<string>, catalogue: AttackCatalogue): CheckContext {
  const context: CheckContext = {
    files: [],
    rules: [],
    dataNeeded: [],
    loggingPolicies: [],
    enrichments: [],
    atomics: [],
    catalogue,
    inputs: { rules: [], dataNeeded: [], loggingPolicies: [], enrichments: [], atomics: [], triggerFolders: new Set() },
    dataSources: new Map(),
  }
  const sorted = [...entries].sort((a, b) => (a[1].path < b[1].path ? -1 : a[1].path > b[1].path ? 1 : 0))
  for (const [absolute, file] of sorted) {
    context.files.push(file)
    const first = file.values[0]
    if (!isMap(first)) continue
    if (file.kind === 'rule') {
      const documents = file.values.filter(isMap)
      const ruleSource = { path: file.path, stem: fileStem(file.path), text: file.text, documents }
      const rule = extended<RuleFile>(file, { kind: 'rule', rule: first, ruleSource })
      context.rules.push(rule)
      context.inputs.rules.push(ruleSource)
      continue
    }
    if (file.kind === 'converter-config') continue
    const data = extended<DataFile>(file, { doc: first })
    if (file.kind === 'atomics') {
      context.atomics.push(data)
      const folder = basename(dirname(absolute))
      const atomics: AtomicsSource = { path: file.path, techniqueId: TECHNIQUE_FOLDER.test(folder) ? folder : fileStem(absolute), text: file.text, doc: first }
      context.inputs.atomics.push(atomics)
      atomicsRoots.add(dirname(dirname(absolute)))
      continue
    }
    const source = dataSourceOf(file, first)
    if (source) context.dataSources.set(file.path, source)
    const list = DATA_LISTS[file.kind]
    context[list].push(data)
    if (source) context.inputs[list].push(source)
  }
  for (const root of [...atomicsRoots].sort()) {
    for (const name of safeReaddir(root)) if (TECHNIQUE_FOLDER.test(name) && isDirectory(join(root, name))) context.inputs.triggerFolders.add(name)
  }
  return context
}

// Where each kind of ATC document goes, in the context and in the build's inputs alike.
const DATA_LISTS = { 'data-needed': 'dataNeeded', 'logging-policy': 'loggingPolicies', enrichment: 'enrichments' } as const

function dataSourceOf(file: CheckedFile, doc: YamlMap): DataSource | undefined {
  if (typeof doc.title !== 'string' || doc.title.trim() === '') return undefined
  return { path: file.path, stem: fileStem(file.path), text: file.text, doc, title: doc.title }
}

/** `file` with more fields. Not a spread: that would read a reference file's positioned parts (see readReferenceFile). */
function extended<T extends CheckedFile>(file: CheckedFile, fields: Omit<T, keyof CheckedFile> & Partial<CheckedFile>): T {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(file), ...Object.getOwnPropertyDescriptors(fields) }) as T
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}
