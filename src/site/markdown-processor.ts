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

export function renderMarkdown(markdown: string, page: string, site: SiteIndex): RenderedMarkdown {
  processor ??= createProcessor()
  const state: PageState = { page, site, links: [], ids: new Set(), dangling: [], markdownLinks: [] }
  // unified makes the vfile; `data` is kept by reference, so the plugins fill `state`.
  const file = { value: markdown, path: page, data: { page: state } }
  const tree = processor.runSync(processor.parse(file), file) as Root
  return { html: processor.stringify(tree), state }
}
