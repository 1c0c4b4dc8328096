import type { Element, ElementContent, Nodes, Parents, Properties, Root, RootContent } from 'hast'

/**
 * Calls `visit` on every element under `tree`, depth first in document order, with its parent and index.
 * The visitor may replace `parent.children[index]`; the replacement's children are walked instead.
 */
export function eachElement(tree: Parents, visit: (node: Element, parent: Parents, index: number) => void): void {
  const children = tree.children
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child.type !== 'element') continue
    visit(child, tree, i)
    const now = children[i]
    if (now.type === 'element') eachElement(now, visit)
  }
}

/** The text a node shows (what a heading's id is made from). */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}

export function h(tagName: string, properties: Properties = {}, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  }
}

export type { Element, ElementContent, Parents, Root, RootContent }
