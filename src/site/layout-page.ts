import type { Linker } from './linker.js'
import { GENERATED, SECTIONS, type SiteContext } from './site-context.js'
import { renderTemplate } from './templates.js'

export interface LayoutInput {
  /** Site path of the page (`Detection_Rules/x.html`). */
  path: string
  title: string
  kind: string
  /** Section dir the page belongs to, for the navigation and breadcrumbs. */
  section?: string
  content: string
  before?: string
  after?: string
  /** Makes (and records) the page's hrefs. */
  linker: Linker
}

interface NavTarget { label: string; target: string; count?: number; group?: boolean; section?: string }

/** The navigation: home and coverage, one entry per section (with its page count), the conversion status. */
function navTargets(ctx: SiteContext): NavTarget[] {
  const counts: Record<string, number> = {}
  for (const s of SECTIONS) counts[s.dir] = ctx.sectionPages.get(s.dir)?.length ?? 0
  const targets: NavTarget[] = [
    { label: 'Home', target: GENERATED.home },
    { label: 'ATT&CK Coverage', target: GENERATED.coverage, section: 'Coverage' },
    ...SECTIONS.filter((s) => counts[s.dir] > 0).map((s, i) => ({ label: s.label, target: GENERATED.sectionIndex(s.dir), count: counts[s.dir], group: i === 0, section: s.dir })),
  ]
  if (ctx.site.pages.has('Conversion_Status.md')) targets.push({ label: 'Conversion Status', target: 'Conversion_Status.html', group: true, section: 'Conversion_Status' })
  return targets
}

const navCache = new WeakMap<SiteContext, NavTarget[]>()

export function renderLayout(ctx: SiteContext, input: LayoutInput): string {
  let targets = navCache.get(ctx)
  if (!targets) navCache.set(ctx, (targets = navTargets(ctx)))
  const href = (target: string) => input.linker.to(target)
  const activeSection = input.section ?? (input.path === GENERATED.coverage ? 'Coverage' : input.path === 'Conversion_Status.html' ? 'Conversion_Status' : undefined)
  const nav = targets.map((t) => ({
    label: t.label,
    href: href(t.target),
    count: t.count,
    group: t.group,
    active: t.target === input.path || (!!t.section && t.section === activeSection),
  }))
  const section = SECTIONS.find((s) => s.dir === input.section)
  const crumbs = input.path === GENERATED.home ? [] : [{ label: 'Home', href: href(GENERATED.home) }]
  if (section && input.path !== GENERATED.sectionIndex(section.dir)) crumbs.push({ label: section.label, href: href(GENERATED.sectionIndex(section.dir)) })
  return renderTemplate('layout', {
    title: input.title,
    siteName: ctx.name,
    root: input.linker.root,
    cssHref: href(GENERATED.css),
    jsHref: href(GENERATED.js),
    homeHref: href(GENERATED.home),
    coverageHref: href(GENERATED.coverage),
    kind: input.kind,
    nav,
    crumbs,
    crumbTitle: input.title,
    before: input.before ?? '',
    content: input.content,
    after: input.after ?? '',
  })
}
