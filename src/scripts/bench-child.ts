import { spawnSync } from 'node:child_process'

export interface ChildUsage {
  wallMs: number
  cpuMs: number
  maxRssKb: number
  exitCode: number
}

const MARK = 'AW-BENCH-USAGE '

/**
 * Runs `node [NODE_FLAGS] SCRIPT ARGS` and measures it from outside (wall time, process start included) and
 * inside (CPU time and peak RSS, reported by a preloaded hook when the process exits).
 */
export function runChild(script: string, args: string[], cwd: string, nodeFlags: string[] = [], env: NodeJS.ProcessEnv = process.env): ChildUsage {
  // Worker threads load the hook too: only the main thread reports (its figures cover the whole process).
  const hook = `import{isMainThread}from'node:worker_threads';if(isMainThread)process.on('exit',c=>{const u=process.resourceUsage();process.stderr.write('\\n${MARK}'+JSON.stringify({cpuMs:(u.userCPUTime+u.systemCPUTime)/1000,maxRssKb:u.maxRSS,exitCode:c})+'\\n')})`
  const start = performance.now()
  const child = spawnSync(process.execPath, [...nodeFlags, '--import', `data:text/javascript,${encodeURIComponent(hook)}`, script, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  const wallMs = performance.now() - start
  const line = child.stderr.split('\n').filter((l) => l.startsWith(MARK)).pop()
  if (!line) throw new Error(`benchmark child failed (exit ${child.status}): ${child.stderr.slice(-2000)}`)
  const usage = JSON.parse(line.slice(MARK.length)) as Omit<ChildUsage, 'wallMs'>
  return { wallMs: Math.round(wallMs), ...usage, cpuMs: Math.round(usage.cpuMs) }
}
