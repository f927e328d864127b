// Where the API's reference is published: links in generated JSDoc and READMEs point there, never
// at a path inside the package (a package holds no reference). From `generate --reference-url`, else
// the spec's `x-oaskit-reference-url` (on the Info Object; EXTENSIONS.md); none: no links.
import type { ApiModel } from '../model/types.ts';
import type { EmitContext } from './emitter.ts';

/** The reference page's URL, when there is one and it is an absolute http(s) URL. */
export function referenceUrl(model: ApiModel, ctx: EmitContext): string | undefined {
  const given = ctx.referenceUrl ?? model.info.extensions['x-oaskit-reference-url'];
  if (typeof given !== 'string') return undefined;
  try {
    const url = new URL(given);
    // parentheses encoded: the URL goes into Markdown links as it is
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\(/g, '%28').replace(/\)/g, '%29') : undefined;
  } catch {
    return undefined;
  }
}

/** The reference's URL at an anchor (`…#operation-trackUsers`). */
export function referenceLink(model: ApiModel, ctx: EmitContext, anchor: string): string | undefined {
  const url = referenceUrl(model, ctx);
  return url === undefined ? undefined : `${url.replace(/#.*$/, '')}#${encodeURIComponent(anchor)}`;
}
