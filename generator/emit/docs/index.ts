// The docs emitter: the reference site (generated/docs/) for all APIs. Its renderer (and
// markdown-it) loads only when a site is emitted: generating a package does without it.
import type { SiteEmitter } from '../emitter.ts';

export const docsSiteEmitter: SiteEmitter = {
  name: 'docs-site',
  emit: async (models) => (await import('./render-html.ts')).renderSite(models),
};
