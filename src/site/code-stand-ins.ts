import type { Element, Nodes, Root } from 'hast'
import type { PageState } from './page-plugins.js'

/**
 * Large fenced code blocks (a rule card's Sigma rule and backend queries, a trigger's commands) are most of
 * the wiki's Markdown but nothing in them is Markdown. When the site knows a block's text from its data, the
 * page is parsed with a one-line stand-in in its place and the text is put back into the `<pre><code>` the
 * parser made. `restoreCodeBlocks` proves the stand-in ended up as exactly a code block's content; otherwise
 * the caller parses the page as written, so the output never depends on the shortcut.
 */
export interface CodeStandIns {
  /** The Markdown with each stood-in block's content replaced by its one-line stand-in. */
  markdown: string
  blocks: StoodIn[]
}

interface StoodIn {
  standIn: string
  text: string
  /** Line of the stand-in in the shortened Markdown. */
  line: number
  /** Lines the text has beyond the stand-in's one (positions after it move down by this much). */
  extraLines: number
}

/** Private-use code points mark the stand-ins; a page whose Markdown holds one gets none. */
const MARK = '\uE000'
const END = '\uE001'

/** Shorter texts cost the parser too little to be worth a stand-in. */
const MIN_TEXT = 64

/** A line that could open or close a fence, a NUL or a CR (the parser changes those) keeps a text as written. */
const NOT_INERT = /^[ \t]*(?:`{3}|~{3})|[\0\r]/m
/** The line before a stood-in text opens a backtick fence at the margin. */
const OPENER = /^```[^`\s]*$/

/** Replaces every fenced block whose whole content is one of `texts` by a stand-in; undefined when none is. */
export function standInCodeBlocks(markdown: string, texts: Iterable<string>): CodeStandIns | undefined {
  if (markdown.includes(MARK)) return undefined
  const found: { start: number; text: string }[] = []
  for (const text of new Set(texts)) {
    if (text.length < MIN_TEXT || NOT_INERT.test(text)) continue
    for (let at = markdown.indexOf(text); at !== -1; at = markdown.indexOf(text, at + text.length)) {
      if (isFenceContent(markdown, at, text.length)) found.push({ start: at, text })
    }
  }
  if (found.length === 0) return undefined
  found.sort((a, b) => a.start - b.start)
  const parts: string[] = []
  const blocks: StoodIn[] = []
  let from = 0
  let line = 1
  for (const { start, text } of found) {
    if (start < from) continue
    const before = markdown.slice(from, start)
    line += countLines(before)
    const standIn = `${MARK}${blocks.length}${END}`
    parts.push(before, standIn)
    blocks.push({ standIn, text, line, extraLines: countLines(text) })
    from = start + text.length
  }
  parts.push(markdown.slice(from))
  return { markdown: parts.join(''), blocks }
}

/**
 * Puts the texts back into the tree parsed from the shortened Markdown. True when every stand-in was found
 * exactly once as the whole text of a top-level `<pre><code>` and nowhere else (not in any other text,
 * attribute, title, id or link); then the tree and `state` are what the page as written gives.
 */
export function restoreCodeBlocks(tree: Root, state: PageState, standIns: CodeStandIns): boolean {
  const byStandIn = new Map(standIns.blocks.map((b) => [`${b.standIn}\n`, b]))
  const restored = new Set<StoodIn>()
  for (const child of tree.children) {
    const text = child.type === 'element' ? codeText(child) : undefined
    const block = text && byStandIn.get(text.value)
    if (!text || !block || restored.has(block)) continue
    text.value = `${block.text}\n`
    restored.add(block)
  }
  if (restored.size !== standIns.blocks.length || holdsMark(tree) || stateHoldsMark(state)) return false
  const realLine = (line: number) => line + standIns.blocks.reduce((sum, b) => (b.line < line ? sum + b.extraLines : sum), 0)
  for (const link of state.markdownLinks) link.line = realLine(link.line)
  for (const d of state.dangling) d.line = realLine(d.line)
  return true
}

/** The text node of `<pre><code>text</code></pre>`, nothing else around it. */
function codeText(pre: Element): { value: string } | undefined {
  if (pre.tagName !== 'pre' || pre.children.length !== 1) return undefined
  const code = pre.children[0]
  if (code.type !== 'element' || code.tagName !== 'code' || code.children.length !== 1) return undefined
  const text = code.children[0]
  return text.type === 'text' ? text : undefined
}

function holdsMark(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') return node.value.includes(MARK)
  if (node.type === 'element') {
    for (const value of Object.values(node.properties)) {
      if (Array.isArray(value) ? value.some((v) => String(v).includes(MARK)) : String(value).includes(MARK)) return true
    }
  }
  return 'children' in node && (node.children as Nodes[]).some(holdsMark)
}

function stateHoldsMark(state: PageState): boolean {
  const strings = [
    state.title ?? '',
    ...state.ids,
    ...state.links.flatMap((l) => [l.target, l.fragment]),
    ...state.dangling.flatMap((d) => [d.href, d.target]),
    ...state.markdownLinks.map((l) => l.url),
  ]
  return strings.some((s) => s.includes(MARK))
}

/** The text sits alone between a backtick fence opener at the margin and a bare closing fence. */
function isFenceContent(markdown: string, at: number, length: number): boolean {
  if (at < 4 || markdown[at - 1] !== '\n') return false
  const openerStart = markdown.lastIndexOf('\n', at - 2) + 1
  if (!OPENER.test(markdown.slice(openerStart, at - 1))) return false
  const end = at + length
  return markdown.startsWith('\n```', end) && (end + 4 === markdown.length || markdown[end + 4] === '\n')
}

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}
