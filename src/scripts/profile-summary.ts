import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The parts of a V8 CPU profile (`node --cpu-prof`) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Where a frame's code comes from: `lib/site/wiki-page.js`, `npm:micromark`, `node:fs`… */
export type ModuleOf = (url: string, line: number) => string

/** Sampled time by what the build was doing, largest first. */
export interface ProfileSummary {
  totalMs: number
  /** By module of this package: each sample goes to the innermost frame of ours, with the libraries it called. */
  modules: { name: string; ms: number }[]
  /** The same by folder (`lib/site`, `lib/convert`…). */
  folders: { name: string; ms: number }[]
}

/** Samples outside this package's code: collection, or start-up and module loading before a build step runs. */
export const GARBAGE_COLLECTION = '(garbage collection)'
export const OUTSIDE = '(start-up, module loading, idle)'

/**
 * Sums a profile's samples by the module of this package they ran in, counting time spent in libraries
 * and in Node (parsers, hashing, file writes) for the module that called them: what a step costs with
 * everything it asks for, which self time by function spreads over hundreds of library functions.
 */
export function summarizeProfile(profile: CpuProfile, moduleOf: ModuleOf): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  // Each node's owner, found once per node rather than once per sample.
  const owners = new Map<number, string>()
  const ownerOf = (id: number): string => {
    const known = owners.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)
    let owner = OUTSIDE
    if (node?.callFrame.functionName === '(garbage collector)') owner = GARBAGE_COLLECTION
    else if (node) {
      const module = moduleOf(node.callFrame.url, node.callFrame.lineNumber)
      const up = parent.get(id)
      owner = module.startsWith('lib/') ? module : up === undefined ? OUTSIDE : ownerOf(up)
    }
    owners.set(id, owner)
    return owner
  }
  const modules = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0
    total += us
    const owner = ownerOf(id)
    modules.set(owner, (modules.get(owner) ?? 0) + us)
  })
  const folders = new Map<string, number>()
  for (const [name, us] of modules) {
    const folder = name.startsWith('lib/') ? name.slice(0, name.lastIndexOf('/')) : name
    folders.set(folder, (folders.get(folder) ?? 0) + us)
  }
  return { totalMs: Math.round(total / 1000), modules: largestFirst(modules), folders: largestFirst(folders) }
}

function largestFirst(map: Map<string, number>): { name: string; ms: number }[] {
  return [...map]
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000) }))
    .sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : 1))
}

/** A `// lib/x.js` or `// node_modules/pkg/…` line: where the bundler put the start of a module. */
export const MARKER = /^\/\/ ((?:lib|node_modules)\/\S+\.[cm]?js)$/

/**
 * A ModuleOf for this package's bundle (lib/bundle/*.js), whose bundler marks each module's first line with
 * its path; frames of unbundled code are named by their own file. Bundle files are read once each.
 */
export function bundleModules(): ModuleOf {
  const starts = new Map<string, [line: number, name: string][]>()
  const startsOf = (url: string) => {
    let list = starts.get(url)
    if (!list) {
      list = []
      try {
        readFileSync(fileURLToPath(url), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const path = MARKER.exec(line)?.[1]
            if (path) list!.push([i, moduleName(path)])
          })
      } catch {
        // Not a file this process can read: named by its URL below.
      }
      starts.set(url, list)
    }
    return list
  }
  return (url, line) => {
    if (url.startsWith('node:')) return `node:${url.slice('node:'.length).split('/')[0]}`
    if (!url.startsWith('file:')) return url === '' ? '(native)' : url
    const path = fileURLToPath(url)
    if (!path.includes('/lib/bundle/')) return moduleName(path.slice(path.lastIndexOf(path.includes('/node_modules/') ? '/node_modules/' : '/lib/') + 1))
    let name = '(bundle)'
    for (const [start, module] of startsOf(url)) {
      if (start > line) break
      name = module
    }
    return name
  }
}

/** `lib/site/x.js` as it is; `node_modules/@scope/pkg/dist/x.js` as `npm:@scope/pkg`. */
function moduleName(path: string): string {
  const npm = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  return npm ? `npm:${npm[1]}` : path
}
