import type { Diagnostic } from '../diagnostics.js'
import { AtomicsReader, type SourceOptions, type Step } from './atomics-reader.js'

/**
 * A typed view of an Atomic Red Team technique file (`atomics/<Tid>/<Tid>.yaml`).
 * Text fields hold what Atomic Red Team's (Ruby) page generator prints for the value: `to_s` of
 * what Psych loads, so `0` stays `0`, `16.0` stays `16.0`, `yes` becomes `true` and null ''.
 */
export interface AtomicsModel {
  /** `attack_technique`, upper-cased; null when missing. */
  techniqueId: string | null
  /** `display_name`; null when missing. */
  displayName: string | null
  tests: AtomicTest[]
}

export interface AtomicTest {
  name: string
  description: string
  /** Platform ids as written (`windows`, `iaas:aws`, …). */
  platforms: string[]
  guid: string
  inputs: InputArgument[]
  executor: AtomicExecutor
  /** `dependency_executor_name` when set (not null), else null. */
  dependencyExecutorName: string | null
  dependencies: AtomicDependency[]
}

export interface InputArgument {
  name: string
  /** null when the YAML value is null or missing. */
  description: string | null
  type: string | null
  default: string | null
}

export interface AtomicExecutor {
  name: string
  elevationRequired: boolean
  /** Command for shell executors ('' when missing). */
  command: string
  /** Steps of a `manual` executor ('' when missing). */
  steps: string
  /** null when there is no cleanup command (missing or null). */
  cleanupCommand: string | null
}

export interface AtomicDependency {
  description: string
  prereqCommand: string
  getPrereqCommand: string
}

export const EXECUTOR_NAMES = ['manual', 'powershell', 'sh', 'bash', 'command_prompt'] as const
export const PLATFORM_IDS = [
  'windows', 'macos', 'linux', 'office-365', 'azure-ad', 'google-workspace', 'saas', 'iaas',
  'containers', 'iaas:gcp', 'iaas:azure', 'iaas:aws', 'esxi',
] as const
const INPUT_TYPES = ['url', 'string', 'float', 'integer', 'path']
const TEST_KEYS = [
  'name', 'auto_generated_guid', 'description', 'supported_platforms', 'input_arguments',
  'dependency_executor_name', 'dependencies', 'executor', 'test_number',
]
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/**
 * Builds the typed view of an atomics document. Never throws: shape problems become diagnostics
 * (`path:line:col` of the offending key when the source is known) and the model keeps what it can.
 */
export function toAtomicsModel(doc: unknown, path: string, options: SourceOptions = {}): { model: AtomicsModel; diagnostics: Diagnostic[] } {
  if (!isObj(doc)) return readModel(doc, path, options)
  // The wiki card and the site page both read the same document; its scalars' source text takes a second
  // YAML parse, so the model is made once per document.
  const known = models.get(doc)
  if (known && known.path === path && known.text === options.text && known.source === options.source) return known.result
  const result = readModel(doc, path, options)
  models.set(doc, { path, text: options.text, source: options.source, result })
  return result
}

const models = new WeakMap<object, { path: string; text: string | undefined; source: SourceOptions['source']; result: ReturnType<typeof toAtomicsModel> }>()

function readModel(doc: unknown, path: string, options: SourceOptions): { model: AtomicsModel; diagnostics: Diagnostic[] } {
  const r = new AtomicsReader(path, options)
  const model: AtomicsModel = { techniqueId: null, displayName: null, tests: [] }
  if (!isObj(doc)) {
    r.report([], `expected a mapping with attack_technique, display_name and atomic_tests, got ${describe(doc)}`, 'atomics-shape')
    return { model, diagnostics: r.diagnostics }
  }
  const technique = doc.attack_technique
  if (technique === undefined || technique === null) r.report(['attack_technique'], 'missing technique id (e.g. T1003.001)', 'atomics-missing')
  else {
    model.techniqueId = r.text(technique, ['attack_technique']).toUpperCase()
    if (!/^T\d{4}(?:\.\d{3})?$/.test(model.techniqueId)) r.report(['attack_technique'], `expected a technique id like T1003 or T1003.001, got '${model.techniqueId}'`, 'atomics-technique-id')
  }
  if (doc.display_name === undefined || doc.display_name === null) r.report(['display_name'], 'missing display name', 'atomics-missing', 'warning')
  else model.displayName = r.text(doc.display_name, ['display_name'])

  const tests = doc.atomic_tests
  if (!Array.isArray(tests) || tests.length === 0) {
    r.report(['atomic_tests'], `expected a non-empty list of tests, got ${describe(tests)}`, 'atomics-shape')
    return { model, diagnostics: r.diagnostics }
  }
  tests.forEach((test, i) => {
    const at: Step[] = ['atomic_tests', i]
    if (!isObj(test)) r.report(at, `expected a test mapping, got ${describe(test)}`, 'atomics-shape')
    else model.tests.push(readTest(r, test, at))
  })
  return { model, diagnostics: r.diagnostics }
}

function readTest(r: AtomicsReader, test: Obj, at: Step[]): AtomicTest {
  for (const key of Object.keys(test)) {
    if (!TEST_KEYS.includes(key)) r.report([...at, key], `unknown test field '${key}' (expected one of ${TEST_KEYS.join(', ')})`, 'atomics-unknown-field', 'warning')
  }
  const name = requiredText(r, test, at, 'name')
  const description = requiredText(r, test, at, 'description')
  const guid = test.auto_generated_guid === undefined ? '' : r.text(test.auto_generated_guid, [...at, 'auto_generated_guid'])
  if (test.auto_generated_guid !== undefined && !GUID.test(guid)) r.report([...at, 'auto_generated_guid'], `expected a UUID, got '${guid}'`, 'atomics-guid', 'warning')
  const executor = readExecutor(r, test.executor, [...at, 'executor'])
  const depExec = test.dependency_executor_name
  let dependencyExecutorName: string | null = null
  if (depExec !== undefined && !r.isNil(depExec, [...at, 'dependency_executor_name'])) {
    dependencyExecutorName = r.text(depExec, [...at, 'dependency_executor_name'])
    checkExecutorName(r, dependencyExecutorName, [...at, 'dependency_executor_name'])
  } else if (depExec !== undefined) {
    r.report([...at, 'dependency_executor_name'], `is empty; give one of ${EXECUTOR_NAMES.join(', ')} or remove the key`, 'atomics-shape', 'warning')
  }
  return {
    name,
    description,
    platforms: readPlatforms(r, test.supported_platforms, [...at, 'supported_platforms']),
    guid,
    inputs: readInputs(r, test.input_arguments, [...at, 'input_arguments']),
    executor,
    dependencyExecutorName,
    dependencies: readDependencies(r, test.dependencies, [...at, 'dependencies']),
  }
}

function readPlatforms(r: AtomicsReader, value: unknown, at: Step[]): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    r.report(at, `expected a non-empty list of platforms (${PLATFORM_IDS.join(', ')}), got ${describe(value)}`, 'atomics-shape')
    return []
  }
  return value.map((p, i) => {
    const id = r.text(p, [...at, i])
    if (!(PLATFORM_IDS as readonly string[]).includes(id)) r.report([...at, i], `unknown platform '${id}' (expected one of ${PLATFORM_IDS.join(', ')})`, 'atomics-platform')
    return id
  })
}

function readInputs(r: AtomicsReader, value: unknown, at: Step[]): InputArgument[] {
  if (value === undefined) return []
  if (value === null) {
    r.report(at, 'is empty; add arguments or remove the key', 'atomics-shape', 'warning')
    return []
  }
  if (!isObj(value)) {
    r.report(at, `expected a mapping of argument name to {description, type, default}, got ${describe(value)}`, 'atomics-shape')
    return []
  }
  return r.keysOf(value, at).map(({ key, label }) => {
    const arg = value[key]
    const argAt = [...at, key]
    if (!isObj(arg)) {
      r.report(argAt, `expected {description, type, default}, got ${describe(arg)}`, 'atomics-shape')
      return { name: label, description: null, type: null, default: null }
    }
    const field = (k: string): string | null => (arg[k] === undefined || r.isNil(arg[k], [...argAt, k]) ? null : r.text(arg[k], [...argAt, k]))
    const type = field('type')
    if (type === null) r.report(argAt, 'missing type', 'atomics-missing')
    else if (!INPUT_TYPES.includes(type.toLowerCase())) r.report([...argAt, 'type'], `unknown input type '${type}' (expected one of ${INPUT_TYPES.join(', ')})`, 'atomics-input-type', 'warning')
    if (arg.description === undefined) r.report(argAt, 'missing description', 'atomics-missing', 'warning')
    return { name: label, description: field('description'), type, default: field('default') }
  })
}

// Shell executors run `command`; the manual one lists `steps` for a person to follow.
const EXECUTOR_BODY: Record<'manual' | 'command', { field: 'steps' | 'command' }> = {
  manual: { field: 'steps' },
  command: { field: 'command' },
}

function readExecutor(r: AtomicsReader, value: unknown, at: Step[]): AtomicExecutor {
  const executor: AtomicExecutor = { name: '', elevationRequired: false, command: '', steps: '', cleanupCommand: null }
  if (!isObj(value)) {
    r.report(at, `expected a mapping with name and command, got ${describe(value)}`, 'atomics-shape')
    return executor
  }
  executor.name = requiredText(r, value, at, 'name')
  if (executor.name) checkExecutorName(r, executor.name, [...at, 'name'])
  executor.elevationRequired = value.elevation_required !== undefined && r.truthy(value.elevation_required, [...at, 'elevation_required'])
  const body = EXECUTOR_BODY[executor.name === 'manual' ? 'manual' : 'command']
  const text = value[body.field] === undefined ? '' : r.text(value[body.field], [...at, body.field])
  if (!text.trim()) r.report([...at, body.field], `missing ${body.field} for executor '${executor.name}'`, 'atomics-missing')
  executor[body.field] = text
  const cleanup = value.cleanup_command
  if (cleanup !== undefined && !r.isNil(cleanup, [...at, 'cleanup_command'])) executor.cleanupCommand = r.text(cleanup, [...at, 'cleanup_command'])
  return executor
}

function readDependencies(r: AtomicsReader, value: unknown, at: Step[]): AtomicDependency[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    r.report(at, `expected a list of {description, prereq_command, get_prereq_command}, got ${describe(value)}`, 'atomics-shape')
    return []
  }
  const out: AtomicDependency[] = []
  value.forEach((dep, i) => {
    const depAt = [...at, i]
    if (!isObj(dep)) {
      r.report(depAt, `expected {description, prereq_command, get_prereq_command}, got ${describe(dep)}`, 'atomics-shape')
      return
    }
    out.push({
      description: requiredText(r, dep, depAt, 'description'),
      prereqCommand: requiredText(r, dep, depAt, 'prereq_command'),
      getPrereqCommand: requiredText(r, dep, depAt, 'get_prereq_command'),
    })
  })
  return out
}

function checkExecutorName(r: AtomicsReader, name: string, at: Step[]): void {
  if (!(EXECUTOR_NAMES as readonly string[]).includes(name)) r.report(at, `unknown executor '${name}' (expected one of ${EXECUTOR_NAMES.join(', ')})`, 'atomics-executor')
}

/** Text of a field the page needs; a missing or null value is reported and read as ''. */
function requiredText(r: AtomicsReader, obj: Obj, at: Step[], key: string): string {
  const value = obj[key]
  if (value === undefined || r.isNil(value, [...at, key])) {
    r.report(value === undefined ? at : [...at, key], `missing ${key}`, 'atomics-missing')
    return ''
  }
  if (typeof value !== 'string') r.report([...at, key], `expected text, got ${describe(value)}`, 'atomics-shape', 'warning')
  return r.text(value, [...at, key])
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
