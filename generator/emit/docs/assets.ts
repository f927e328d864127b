// The site's static files: a style sheet, the script and an icon. They live next to this
// module as real files (edited and linted as CSS/JS) and are emitted unchanged.
import { readFileSync } from 'node:fs';
import type { EmittedFile } from '../emitter.ts';

const names = ['site.css', 'site.js', 'favicon.svg'] as const;

let cache: EmittedFile[] | undefined;

export function siteAssets(): EmittedFile[] {
  cache ??= names.map((n) => ({ path: `assets/${n}`, contents: readFileSync(new URL(`./assets/${n}`, import.meta.url), 'utf8') }));
  return cache.map((f) => ({ ...f }));
}
