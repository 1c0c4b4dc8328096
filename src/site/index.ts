export { buildSite, type BuildSiteOptions } from './build-site.js'
export { checkLinks, type CheckLinksOptions } from './check-links.js'
export type { SiteOptions } from './site-context.js'
export type { PageCache } from './page-cache.js'
