import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../diagnostics.js'
import { parseYamlSource } from '../load/index.js'
import type { CheckedFile, FileKind } from './check.js'
import { classifyFile } from './classify-file.js'

/**
 * Reads and parses one file with positions. A file with a syntax error keeps only its
 * `yaml-syntax` findings: PyYAML (and so the build) rejects the whole file, so nothing else is judged.
 */
export function readCheckedFile(absolute: string, path: string, target: boolean, folderKind: FileKind | undefined, text?: string): CheckedFile {
  let content: string
  try {
    content = text ?? readFileSync(absolute, 'utf8')
  } catch (error) {
    const problem: Diagnostic = { path, line: 1, col: 1, severity: 'error', message: `cannot read file: ${(error as Error).message}`, code: 'yaml-syntax' }
    const { source } = parseYamlSource(path, '')
    return { path, kind: folderKind ?? 'rule', text: '', source, documents: [], values: [], syntaxErrors: [problem], target }
  }
  const { source, diagnostics } = parseYamlSource(path, content)
  const syntaxErrors = [...diagnostics]
  const values: unknown[] = []
  if (syntaxErrors.length === 0) {
    for (const doc of source.documents) {
      try {
        values.push(doc.toJS({ maxAliasCount: 1000 }))
      } catch (error) {
        const { line, col } = source.lineCounter.linePos(doc.range[0])
        syntaxErrors.push({ path, line, col, severity: 'error', message: `invalid YAML: ${(error as Error).message}`, code: 'yaml-syntax' })
      }
    }
  }
  const ok = syntaxErrors.length === 0
  return {
    path,
    kind: folderKind ?? classifyFile(absolute, ok ? values[0] : undefined),
    text: content,
    source,
    documents: ok ? source.documents : [],
    values: ok ? values : [],
    syntaxErrors,
    target,
  }
}
