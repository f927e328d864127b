// Every x-oaskit-evidence / x-oaskit-note text of the two specs reaches the committed packages
// (issue 17): once in the package README's provenance list, with its kind in bold, and in the
// JSDoc of what it is about (the client, its groups and methods, the standalone functions, the
// schema types). Read from the committed output, so a stale or lossy generator fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kindKeywords } from '../../generator/model/provenance.ts';
import { provenanceOf } from './provenance-walk.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** README Markdown back to text: escapes and entities undone, lines folded. */
function readmeText(markdown: string): string {
  return fold(markdown.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** The text of every JSDoc comment of a file, decoration and docText's escapes undone. */
function jsdocText(source: string): string {
  const comments = source.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
  return fold(
    comments
      .map((c) => c.slice(3, -2).replace(/^\s*\* ?/gm, ''))
      .join(' ')
      .replace(/\*\\\//g, '*/')
      .replace(/\/\\\*/g, '/*')
      .replace(/\\@/g, '@'),
  );
}

describe.each(['appboy', 'appcues'])('provenance of spec/%s.yaml in its package', (api) => {
  const { entries, problems } = provenanceOf(parse(read(`spec/${api}.yaml`)));
  const readme = read(`generated/${api}/README.md`);
  const section = readme.slice(readme.indexOf("## Where the spec's statements come from"));
  const jsdoc = ['client.ts', 'operations.ts', 'schema.d.ts'].map((f) => jsdocText(read(`generated/${api}/${f}`))).join(' ');
  const line = (e: (typeof entries)[number]) => `${kindKeywords[e.kind]}${e.sources.length ? ` (${e.sources.join('; ')})` : ''}: ${fold(e.text)}`;

  it('has labelled texts to show', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(100);
  });

  it('lists every text once in the README, its kind in bold, with counts per kind', () => {
    expect(section.startsWith('## Where')).toBe(true);
    const items = section.split('\n').filter((l) => l.startsWith('  - '));
    expect(items.length).toBe(entries.length);
    for (const kind of ['document', 'decision', 'guess'] as const) {
      expect(items.filter((l) => l.startsWith(`  - **${kindKeywords[kind]}**`)).length, kind).toBe(entries.filter((e) => e.kind === kind).length);
    }
    const text = readmeText(section.replace(/\*\*(Document|Decision|Guess)\*\*/g, '$1'));
    const missing = entries.filter((e) => !text.includes(line(e))).map((e) => e.at);
    expect(missing).toEqual([]);
    const n = (k: string) => entries.filter((e) => e.kind === k).length;
    expect(section).toContain(`${n('document')} documented statement`);
    expect(section).toContain(`${n('decision')} decision`);
    expect(section).toContain(`${n('guess')} guess`);
  });

  it('puts every text in the JSDoc of what it is about', () => {
    const missing = entries.filter((e) => !jsdoc.includes(line(e))).map((e) => `${e.at}: ${line(e).slice(0, 80)}`);
    expect(missing).toEqual([]);
  });

  it('names a shared component where it is written, not by its first use', () => {
    const shared = entries.filter((e) => e.at.startsWith('/components/responses/'));
    if (!shared.length) return;
    const name = shared[0]!.at.split('/').slice(0, 4).join('/');
    expect(section).toContain(`- \`#${name}\``);
  });
});
