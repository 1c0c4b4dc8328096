import type { Root } from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { SiteIndex } from './link-resolver.js'
import { headingsAndTables, markdownLinks, rawWhereNeeded, siteLinks, type PageState } from './page-plugins.js'
import { SANITIZE_SCHEMA } from './sanitize-schema.js'
import { restoreCodeBlocks, standInCodeBlocks } from './code-stand-ins.js'

export interface RenderedMarkdown {
  html: string
  state: PageState
}

/**
 * Markdown → safe HTML: remark-parse + GFM, to hast keeping the cards' raw HTML, raw HTML parsed, then
 * sanitized (nothing that runs survives), then our own trusted changes (site links, heading ids), printed.
 * Built once; every page goes through the same frozen processor.
 */
function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(markdownLinks)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rawWhereNeeded)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(siteLinks)
    .use(headingsAndTables)
    .use(rehypeStringify)
    .freeze()
}

let processor: ReturnType<typeof createProcessor> | undefined

/**
 * `codeTexts`: texts the page's fenced code blocks are known to hold (from the model); such blocks skip the
 * Markdown parser (see code-stand-ins.ts), with the same result as parsing the page as written.
 */
export function renderMarkdown(markdown: string, page: string, site: SiteIndex, codeTexts: readonly string[] = []): RenderedMarkdown {
  processor ??= createProcessor()
  const standIns = codeTexts.length > 0 ? standInCodeBlocks(markdown, codeTexts) : undefined
  if (standIns) {
    const fast = parseToHast(processor, standIns.markdown, page, site)
    if (restoreCodeBlocks(fast.tree, fast.state, standIns)) return { html: processor.stringify(fast.tree), state: fast.state }
  }
  const { tree, state } = parseToHast(processor, markdown, page, site)
  return { html: processor.stringify(tree), state }
}

function parseToHast(processor: ReturnType<typeof createProcessor>, markdown: string, page: string, site: SiteIndex): { tree: Root; state: PageState } {
  const state: PageState = { page, site, links: [], ids: new Set(), dangling: [], markdownLinks: [] }
  // unified makes the vfile; `data` is kept by reference, so the plugins fill `state`.
  const file = { value: markdown, path: page, data: { page: state } }
  return { tree: processor.runSync(processor.parse(file), file) as Root, state }
}
