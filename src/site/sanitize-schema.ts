import { defaultSchema } from 'rehype-sanitize'
import type { Options as Schema } from 'rehype-sanitize'

/**
 * What page content may contain once rendered: rule titles, descriptions, references, false positives
 * and queries are data, so only inert document markup survives. No scripts, styles, frames, forms,
 * embeds or event handlers; links only to http(s)/mailto or relative targets; images only from this
 * site (relative `src`), so a page never makes a request to another host.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
    'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
    'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
  ],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start'],
    td: ['align', 'colSpan', 'rowSpan'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    details: ['open'],
    abbr: ['title'],
    '*': ['id', 'lang', 'dir'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    // Relative sources only: an absolute image URL would be a request to another host.
    src: [],
  },
  // Dropped with their content (other unknown elements are unwrapped, keeping their text).
  strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'base', 'meta', 'link'],
  required: {},
  clobberPrefix: 'user-content-',
  clobber: ['id', 'name'],
}
