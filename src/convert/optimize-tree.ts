import type { ModValue } from '../sigma/modifiers/modifier-value.js'
import type { SearchNode } from './search-tree.js'

type Node = SearchNode | null
type Branch = Extract<SearchNode, { t: 'and' | 'or' }>

/**
 * Simplifies a query tree the way the legacy converter did, so output matches it byte for byte:
 * sub-expressions are dropped, then repeatedly: empty and single-item AND/OR collapse, duplicates go,
 * nested same-type AND/OR merge (only when every child is of that type or a field comparison),
 * double negations cancel. (The legacy optimizer could also factor out items common to all children;
 * the recorded output shows that step was not active.) Finally every AND/OR gets its parentheses back. The operand of a NOT is left untouched.
 * The tree is modified in place; it is freshly built for each conversion.
 */
export function optimizeTree(tree: SearchNode): SearchNode {
  let node: Node = strip(tree)
  for (;;) {
    const [next, changed] = optimizeNode(node, false)
    node = next
    if (!changed) break
  }
  return node ? unstrip(node) : { t: 'and', items: [] }
}

function strip(node: SearchNode): SearchNode {
  if (node.t === 'sub') return strip(node.item)
  if (node.t === 'and' || node.t === 'or') node.items = node.items.map(strip)
  return node
}

function unstrip(node: SearchNode): SearchNode {
  if (node.t !== 'and' && node.t !== 'or') return node
  node.items = node.items.map(unstrip)
  return { t: 'sub', item: node }
}

function optimizeNode(node: Node, changes: boolean): [Node, boolean] {
  if (!node) return [node, changes]
  if (node.t === 'and' || node.t === 'or') {
    const items = node.items as Node[]
    if (items.length === 0) return [null, true]
    if (items.includes(null)) {
      node.items = items.filter((i): i is SearchNode => i !== null)
      return optimizeNode(node, true)
    }
    if (items.length === 1) return optimizeNode(items[0]!, true)
    const unique = orderedUnique(node.items)
    if (unique.length < node.items.length) {
      node.items = unique
      return optimizeNode(node, true)
    }
    if (node.items.some((c) => c.t === node.t) && node.items.every((c) => c.t === node.t || c.t === 'map')) {
      node.items = node.items.flatMap((c) => (c.t === node.t ? (c as Branch).items : [c]))
      return optimizeNode(node, true)
    }
  } else if (node.t === 'not') {
    const inner = node.item
    if (inner.t === 'not') return optimizeNode(inner.item, true)
    if (inner.t === 'null') return optimizeNode({ t: 'notnull', field: inner.field }, true)
    if (inner.t === 'notnull') return optimizeNode({ t: 'null', field: inner.field }, true)
    const [item, changed] = optimizeNode(inner, changes)
    node.item = item ?? inner
    return [node, changes || changed]
  } else {
    return [node, changes]
  }
  let changed = changes
  node.items = node.items.map((item) => {
    const [next, c] = optimizeNode(item, changes)
    if (c) changed = true
    return next as SearchNode
  })
  return [node, changed]
}

function orderedUnique(items: SearchNode[]): SearchNode[] {
  const n = items.length
  if (n < 2) return items
  const keys = items.map(identityKey)
  if (n <= 8) {
    // Small lists (the common case): a scan is cheaper than a Set.
    let out: SearchNode[] | null = null
    for (let i = 1; i < n; i++) {
      let dup = false
      for (let j = 0; j < i && !dup; j++) dup = keys[j] === keys[i]
      if (dup && out === null) out = items.slice(0, i)
      else if (!dup && out !== null) out.push(items[i]!)
    }
    return out ?? items
  }
  const seen = new Set<unknown>()
  const out: SearchNode[] = []
  for (let i = 0; i < n; i++) {
    if (seen.has(keys[i])) continue
    seen.add(keys[i])
    out.push(items[i]!)
  }
  return out
}

const KEYS = new WeakMap<SearchNode, unknown>()

/**
 * Equality as in the legacy (Python) optimizer: field comparisons and keywords compare by value (tuples and
 * strings), other nodes by identity. The key is a string for value-compared nodes, else the node itself.
 */
function identityKey(node: SearchNode): unknown {
  if (node.t === 'value') return (typeof node.value === 'string' ? 's' : 'n') + node.value
  if (node.t !== 'map') return node
  let key = KEYS.get(node)
  if (key === undefined) {
    const value = valueKey(node.value)
    key = value === null ? node : 'm' + node.field.length + ':' + node.field + value
    KEYS.set(node, key)
  }
  return key
}

function valueKey(value: ModValue): string | null {
  if (typeof value === 'string') return 's' + value
  if (typeof value === 'number') return 'n' + value
  if (value === null) return 'z'
  if (typeof value === 'boolean') return 'b' + value
  if (Array.isArray(value)) {
    let key = 'l' + value.length
    for (const v of value) {
      const k = valueKey(v)
      if (k === null) return null
      key += '\u0000' + k.length + ':' + k
    }
    return key
  }
  return null
}
