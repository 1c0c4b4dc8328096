import type { Element, Root } from 'hast'
import rehypeRaw from 'rehype-raw'

const raw = rehypeRaw()

/** Parses a whole HTML page with the HTML parser (parse5, through rehype-raw). */
export function parseHtml(html: string): Root {
  return raw({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root, undefined as never)
}

export function elements(tree: Root | Element): Element[] {
  const out: Element[] = []
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        out.push(child)
        walk(child)
      }
    }
    // <template> content lives on the element.
    if (node.type === 'element' && (node as { content?: Root }).content) walk((node as { content: Root }).content)
  }
  walk(tree)
  return out
}

export function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? ''
  return (node.children ?? []).map((c) => textOf(c as never)).join('')
}
