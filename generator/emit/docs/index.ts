// The docs emitters: the reference site (generated/docs/) for all APIs, and a README.md (the same
// reference in Markdown) inside each API package.
import type { ApiEmitter, SiteEmitter } from '../emitter.ts';
import { renderSite } from './render-html.ts';
import { renderReadme } from './render-markdown.ts';

export const docsSiteEmitter: SiteEmitter = {
  name: 'docs-site',
  emit: (models) => renderSite(models),
};

export const docsReadmeEmitter: ApiEmitter = {
  name: 'docs-readme',
  emit: (model) => [{ path: 'README.md', contents: renderReadme(model) }],
};
