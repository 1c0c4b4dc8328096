import { toAtomicsModel } from '../load/atomics-model.js'
import type { AtomicsSource } from '../model.js'
import { attackDescriptionLines, attackUrlPath, fenceLanguage, platformList } from '../render/trigger-format.js'
import { stripText } from '../render/trigger-text.js'
import type { SiteIndex } from './link-resolver.js'
import { positionOf } from './markdown-position.js'
import { bundledMdast } from './bundled-mdast.js'
import { renderMarkdownParts, renderMarkdownTree } from './markdown-processor.js'
import type { CachedContent } from './page-cache.js'
import { createSlugger } from './slug.js'
import { codeHtml, escapeText, renderTemplate } from './templates.js'

/** Text that means nothing to Markdown (no markup, no autolink) is shown as it is, without a parse. */
const PLAIN = /^[A-Za-z0-9 ,.:;()'"?/=%+$-]*$/
const AUTOLINK_LIKE = /[Ww]{3}\.|:\/\//

/**
 * A trigger card's content on the site, from the atomics file: the layout of Atomic Red Team's technique
 * page, with only the texts that are Markdown (the ATT&CK description, the tests' and dependencies'
 * descriptions, manual steps) parsed, all in one pass. Commands are code; names, types and defaults are text.
 */
export function triggerContent(source: AtomicsSource, attackDescription: string | undefined, page: string, markdown: string, site: SiteIndex): CachedContent {
  const { model } = toAtomicsModel(source.doc, source.path, { text: source.text })
  const id = model.techniqueId ?? source.techniqueId.toUpperCase()
  const parts: string[] = []
  // Collects a Markdown text; its HTML is filled in once every part is rendered.
  const markdownOf = (text: string, inline = false): { html: string; inline: boolean; text: string; index: number } => {
    const plain = inline && PLAIN.test(text) && !AUTOLINK_LIKE.test(text)
    return { html: plain ? escapeText(text) : '', inline, text, index: plain ? -1 : parts.push(text) - 1 }
  }
  const slug = createSlugger()
  const title = `${id} - ${model.displayName ?? ''}`
  const ids = { title: slug(title), description: slug('Description from ATT&CK'), tests: slug('Atomic Tests') }
  const quoteLinks: CachedContent['links'] = []
  // The quote is usually in the bundle already parsed (see bundled-mdast.ts): then only its HTML is made here.
  const quote = (text: string): ReturnType<typeof markdownOf> => {
    const children = bundledMdast(text)
    if (!children) return markdownOf(text)
    const rendered = renderMarkdownTree({ type: 'root', children }, page, site)
    quoteLinks.push(...rendered.state.links)
    return { html: rendered.html, inline: false, text, index: -1 }
  }
  const description = attackDescription ? quote(attackDescriptionLines(attackDescription).join('\n')) : undefined
  const tests = model.tests.map((test, i) => {
    const testTitle = `Atomic Test #${i + 1}: ${test.name}`
    const executor = test.executor
    const dependencyExecutor = test.dependencyExecutorName ?? executor.name
    const manual = executor.name === 'manual'
    return {
      title: testTitle,
      id: slug(testTitle),
      description: markdownOf(stripText(test.description)),
      platforms: platformList(test.platforms),
      guid: test.guid,
      inputs: test.inputs.map((a) => ({ name: a.name, description: markdownOf(stripText(a.description ?? ''), true), type: a.type ?? '', default: a.default ?? '' })),
      ids: { inputs: test.inputs.length ? slug('Inputs') : '', commands: slug('Attack Commands'), cleanup: executor.cleanupCommand === null ? '' : slug('Cleanup Commands'), dependencies: test.dependencies.length ? slug('Dependencies') : '' },
      manual,
      elevation: executor.elevationRequired,
      executor: executor.name,
      language: fenceLanguage(executor.name),
      steps: manual ? markdownOf(executor.steps) : undefined,
      command: codeHtml(stripText(executor.command)),
      cleanup: executor.cleanupCommand === null ? null : codeHtml(stripText(executor.cleanupCommand)),
      dependencyExecutor,
      dependencyLanguage: fenceLanguage(dependencyExecutor),
      dependencies: test.dependencies.map((d) => ({ id: slug('Description'), description: markdownOf(stripText(d.description)), prereq: codeHtml(stripText(d.prereqCommand)), getPrereq: codeHtml(stripText(d.getPrereqCommand)) })),
    }
  })

  const rendered = renderMarkdownParts(parts, page, site)
  const fill = (m: ReturnType<typeof markdownOf> | undefined): string => {
    if (!m) return ''
    if (m.index < 0) return m.html
    const html = rendered.html[m.index] ?? ''
    // A one-paragraph text in a table cell is shown without its paragraph.
    return m.inline && /^<p>(?:(?!<p>)[\s\S])*<\/p>$/.test(html) ? html.slice(3, -4) : html
  }
  const html = renderTemplate('trigger', {
    title,
    ids,
    description: fill(description),
    source: `https://attack.mitre.org/techniques/${attackUrlPath(id)}`,
    tests: tests.map((t) => ({
      ...t,
      description: fill(t.description),
      steps: fill(t.steps),
      inputs: t.inputs.map((a) => ({ ...a, description: fill(a.description) })),
      dependencies: t.dependencies.map((d) => ({ ...d, description: fill(d.description) })),
    })),
  })
  const templateIds = [ids.title, ids.description, ids.tests, ...tests.flatMap((t) => [t.id, ...Object.values(t.ids), ...t.dependencies.map((d) => d.id)])].filter(Boolean)
  return {
    html,
    links: [...quoteLinks, ...rendered.state.links],
    ids: [...new Set([...templateIds, ...rendered.state.ids])],
    title,
    dangling: rendered.state.dangling.map((d) => ({ ...d, ...positionOf(markdown, `](${d.href})`) })),
    markdownLinks: [],
    asked: [],
  }
}
