/** One line of a line diff: kept (` `), removed (`-`) or added (`+`). */
export interface DiffLine {
  op: ' ' | '-' | '+'
  text: string
}

// Beyond this many differences the edit is shown as a whole replacement (keeps memory bounded).
const MAX_EDITS = 2000

/**
 * Shortest line diff of two texts (Myers' O(ND) algorithm), after trimming the common head and tail.
 * Deletions come before insertions within a change, as `diff -u` prints them.
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  const a = before.slice(head, before.length - tail)
  const b = after.slice(head, after.length - tail)
  const middle = myers(a, b) ?? [...a.map((text): DiffLine => ({ op: '-', text })), ...b.map((text): DiffLine => ({ op: '+', text }))]
  return [
    ...before.slice(0, head).map((text): DiffLine => ({ op: ' ', text })),
    ...middle,
    ...before.slice(before.length - tail).map((text): DiffLine => ({ op: ' ', text })),
  ]
}

function myers(a: readonly string[], b: readonly string[]): DiffLine[] | undefined {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  let v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice())
    const next = v.slice()
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      next[offset + k] = x
      if (x >= n && y >= m) return backtrack(a, b, [...trace, next], offset)
    }
    v = next
  }
  return undefined
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], offset: number): DiffLine[] {
  const out: DiffLine[] = []
  let x = a.length
  let y = b.length
  for (let d = trace.length - 2; d >= 0; d--) {
    const v = trace[d]!
    const k = x - y
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1
    const prevX = v[offset + prevK]!
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      out.push({ op: ' ', text: a[x]! })
    }
    if (d === 0) break
    if (x === prevX) out.push({ op: '+', text: b[--y]! })
    else out.push({ op: '-', text: a[--x]! })
  }
  return out.reverse()
}
