// Page weight of the site: bytes of each page as written and gzipped, and what a first visit to
// a page loads (the page, the style sheet, the script; the search index only when searching).
import { gzipSync } from 'node:zlib';
import type { EmittedFile } from '../emitter.ts';

export interface Weight {
  path: string;
  bytes: number;
  gzip: number;
}

export interface SiteWeight {
  pages: Weight[];
  assets: Weight[];
  total: { bytes: number; gzip: number };
}

export function siteWeight(files: readonly EmittedFile[]): SiteWeight {
  const weigh = (f: EmittedFile): Weight => ({ path: f.path, bytes: Buffer.byteLength(f.contents), gzip: gzipSync(f.contents, { level: 9 }).length });
  const pages = files.filter((f) => f.path.endsWith('.html')).map(weigh);
  const assets = files.filter((f) => !f.path.endsWith('.html')).map(weigh);
  const all = [...pages, ...assets];
  return { pages, assets, total: { bytes: all.reduce((n, w) => n + w.bytes, 0), gzip: all.reduce((n, w) => n + w.gzip, 0) } };
}

export function formatWeight(w: SiteWeight): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8) + ' KB';
  const width = Math.max(...[...w.pages, ...w.assets].map((p) => p.path.length), 5);
  const line = (p: Weight) => `  ${p.path.padEnd(width)} ${kb(p.bytes)} ${kb(p.gzip)} gzip`;
  return [
    `  ${'page'.padEnd(width)} ${'size'.padStart(11)} ${'gzipped'.padStart(11)}`,
    ...w.pages.map(line),
    ...w.assets.map(line),
    `  ${'total'.padEnd(width)} ${kb(w.total.bytes)} ${kb(w.total.gzip)} gzip (${w.pages.length} pages, ${w.assets.length} other files)`,
  ].join('\n');
}
