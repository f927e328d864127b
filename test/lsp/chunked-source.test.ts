// The language server's incremental parse against the loader's full parse: the same values, the
// same positions, the same first error, after any sequence of edits; and only the edited entry parsed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../generator/load/source-file.ts';
import { toPointer } from '../../generator/core/pointer.ts';
import { ChunkCache } from '../../generator/load/chunked-source.ts';
import { repoRoot } from './lsp-client.ts';

const files = ['test/lsp/fixtures/petstore/openapi.yaml', 'test/lsp/fixtures/json/openapi.json', 'spec/appcues.yaml', 'spec/appboy.yaml']
  .map((f) => join(repoRoot, f))
  .filter((f) => existsSync(f));

/** Pointers of every node down to `depth` (keys and array items). */
function pointers(value: unknown, depth = 6, segs: string[] = [], out: string[] = []): string[] {
  out.push(toPointer(segs));
  if (depth > 0 && value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pointers(v, depth - 1, [...segs, k], out);
  return out;
}

/** A deterministic sequence of edits: inside descriptions, new lines, deletions, broken syntax. */
function* edits(text: string, n: number): Generator<string> {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  let t = text;
  for (let i = 0; i < n; i++) {
    const at = next() % t.length;
    const kind = next() % 5;
    if (kind === 0) t = t.slice(0, at) + 'x' + t.slice(at);
    else if (kind === 1) t = t.slice(0, at) + t.slice(at + 1);
    else if (kind === 2) t = t.slice(0, at) + '\n' + t.slice(at);
    else if (kind === 3) {
      // a harmless edit inside a description
      const d = t.indexOf('description', at);
      if (d > 0) t = t.slice(0, d + 14) + 'Q' + t.slice(d + 14);
    } else t = t.slice(0, at) + (t.endsWith('.json') ? '{' : ': [') + t.slice(at);
    yield t;
  }
}

describe.each(files)('%s', (file) => {
  const text = readFileSync(file, 'utf8');

  it('parses to the same value and positions as the full parser', () => {
    const chunked = new ChunkCache().parse(file, text);
    const full = parseSource(file, text);
    expect(chunked.value).toEqual(full.value);
    for (const p of pointers(full.value)) {
      expect(chunked.locate(p, 'key'), p).toEqual(full.locate(p, 'key'));
      if (!/^\/(paths|components|webhooks)(\/[^/]+)?$/.test(p) && p !== '') expect(chunked.locate(p, 'value'), p).toEqual(full.locate(p, 'value'));
    }
    for (let o = 0; o < text.length; o += 101) expect(chunked.position(o)).toEqual(full.position(o));
  });

  const n = text.length > 50_000 ? 12 : 60;
  it(`stays equal to the full parser through ${n} edits, errors included`, () => {
    const cache = new ChunkCache();
    cache.parse(file, text);
    for (const t of edits(text, n)) {
      const chunked = cache.parse(file, t);
      const full = parseSource(file, t);
      if (full.syntaxErrors.length === 0) {
        expect(chunked.syntaxErrors).toEqual([]);
        expect(chunked.value).toEqual(full.value);
      } else {
        // both recover (load/recover.ts), the chunks entry by entry, so they may leave out less
        // and place an error differently; what both read is at the same place
        expect(chunked.syntaxErrors.length).toBeGreaterThan(0);
        if (chunked.value !== undefined && full.value !== undefined) {
          const known = new Set(pointers(full.value, 3));
          // (not the root: its extent is where each stopped reading)
          for (const p of pointers(chunked.value, 3)) if (p !== '' && known.has(p)) expect(chunked.locate(p, 'key'), p).toEqual(full.locate(p, 'key'));
        }
        continue;
      }
      for (let o = 0; o < t.length; o += 997) expect(chunked.position(o)).toEqual(full.position(o));
      if (full.value !== undefined) for (const p of pointers(full.value, 3)) expect(chunked.locate(p, 'key'), p).toEqual(full.locate(p, 'key'));
    }
  });

  it('parses only the entry an edit falls in', () => {
    const cache = new ChunkCache();
    cache.parse(file, text);
    // after the first letter of a description written inline, past the middle of the file
    const re = /description"?: "?[A-Za-z]/g;
    re.lastIndex = Math.floor(text.length / 2);
    const m = re.exec(text)!;
    const at = m.index + m[0].length;
    const edited = text.slice(0, at) + 'Q' + text.slice(at);
    const before = cache.parses;
    const source = cache.parse(file, edited);
    expect(cache.parses - before).toBe(1);
    expect(source.value).toEqual(parseSource(file, edited).value);
  });
});
