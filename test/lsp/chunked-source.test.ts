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

  it.runIf(file.endsWith('.yaml'))('typing a new entry a key at a time parses only around it, broken states included', () => {
    // where a person adds a component: first in components/schemas, and between two of its entries
    const schemas = /\n( +)schemas:\n/.exec(text);
    if (!schemas) return;
    const ind = schemas[1]! + '  ';
    // the end of the `schemas:` line, and the end of the line before its third entry
    const entry = new RegExp(`\\n${ind}\\S`, 'g');
    entry.lastIndex = schemas.index + schemas[0].length - 1;
    entry.exec(text);
    entry.exec(text);
    const third = entry.exec(text);
    for (const at of [schemas.index + schemas[0].length - 1, ...(third ? [third.index] : [])]) {
      const cache = new ChunkCache();
      cache.parse(file, text);
      let t = text;
      let offset = at;
      const keys = `\n${ind}Typed:\n${ind}  type: object\n${ind}  properties:\n${ind}    id:\n${ind}      type: integer`.match(/\n *|[^\n]/g)!;
      for (const k of keys) {
        t = t.slice(0, offset) + k + t.slice(offset);
        offset += k.length;
        const before = cache.parsedChars;
        const chunked = cache.parse(file, t);
        // a few entries at most, never the whole group or file
        expect(cache.parsedChars - before, JSON.stringify(t.slice(at, offset))).toBeLessThan(Math.max(8192, text.length / 20));
        const full = parseSource(file, t);
        const show = (x: typeof full) => JSON.stringify([t.slice(at, offset), x.syntaxErrors.map((e) => [x.position(e.offsets!.start).line, e.message])]);
        expect(chunked.syntaxErrors.length > 0, show(chunked) + ' vs full ' + show(full)).toBe(full.syntaxErrors.length > 0);
        if (!full.syntaxErrors.length) expect(chunked.value).toEqual(full.value);
        else {
          // one error, on the line being typed or (the YAML parser's place for a key without
          // its colon) the key after it, as the full parse says; every other schema is still read
          const line = t.slice(0, offset).split('\n').length - 1;
          const lines = chunked.syntaxErrors.map((e) => chunked.position(e.offsets!.start).line);
          expect(lines, show(chunked) + ' vs full ' + show(full)).toHaveLength(1);
          expect([line, line + 1], show(chunked)).toContain(lines[0]);
          const names = (v: unknown) => Object.keys(((v as { components: { schemas: object } }).components.schemas));
          expect(names(chunked.value)).toEqual(names(full.value));
        }
      }
    }
  });
});

