import { nodeAt } from '../load/index.js'
import type { YamlMap } from '../model.js'
import type { DataFile, Finding } from './check.js'
import { isMap } from './is-map.js'
import { atValue, type YamlPath } from './locate.js'

/** Each test of an atomics file with its index in `atomic_tests`. */
export function atomicTests(file: DataFile): { index: number; test: YamlMap }[] {
  const tests = file.doc.atomic_tests
  return Array.isArray(tests) ? tests.flatMap((test, index) => (isMap(test) ? [{ index, test }] : [])) : []
}

/** The command texts of a test that may hold `#{argument}` placeholders, with their paths. */
export function commandTexts(test: YamlMap, index: number): { path: YamlPath; text: string }[] {
  const out: { path: YamlPath; text: string }[] = []
  const executor = test.executor
  if (isMap(executor)) {
    for (const key of ['command', 'cleanup_command', 'steps']) {
      if (typeof executor[key] === 'string') out.push({ path: ['atomic_tests', index, 'executor', key], text: executor[key] })
    }
  }
  if (Array.isArray(test.dependencies)) {
    test.dependencies.forEach((dep, d) => {
      if (!isMap(dep)) return
      for (const key of ['description', 'prereq_command', 'get_prereq_command']) {
        if (typeof dep[key] === 'string') out.push({ path: ['atomic_tests', index, 'dependencies', d, key], text: dep[key] })
      }
    })
  }
  return out
}

export const PLACEHOLDER = /#\{([^}]*)\}/g

/** A finding at the first place `needle` is written inside the value at `path` (block scalars keep text verbatim). */
export function atTextIn(file: DataFile, path: YamlPath, needle: string, message: string): Finding {
  const document = file.documents[0]
  const node = document ? nodeAt(document, path) : null
  const range = node?.range
  if (range) {
    const at = file.source.text.slice(range[0], range[1]).indexOf(needle)
    if (at >= 0) {
      const { line, col } = file.source.lineCounter.linePos(range[0] + at)
      return { path: file.path, line, col, message }
    }
  }
  return atValue(file, path, message)
}
