// The layers of generator/ (ARCHITECTURE.md), checked on the imports themselves: nothing below
// the model imports upward, emitters and the mock read the model and never the loader, the
// emitters, the mock, the rules and the language server sit beside each other, and the generic
// generator names no particular API.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', 'generator');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** `emit/client/analyze.ts` imports `model/facts.ts`: [from layer, to path] for every relative import. */
function imports(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      out.push({ from: relative(root, file), to: relative(root, resolve(dirname(file), spec)) });
    }
  }
  return out;
}

const layerOf = (path: string) => path.split('/')[0]!;

/** Which layers each layer may import (its own always). */
const allowed: Record<string, string[]> = {
  core: [],
  runtime: [],
  validators: ['core'],
  load: ['core'],
  model: ['core', 'load', 'runtime'],
  rules: ['core', 'load', 'model', 'validators', 'runtime'],
  diagnostics: ['core', 'load', 'rules'],
  emit: ['core', 'model', 'runtime', 'validators'],
  mock: ['core', 'model'],
  diff: ['core', 'model', 'load', 'diagnostics', 'pipeline'],
  lsp: ['core', 'load', 'model', 'rules', 'diagnostics', 'pipeline', 'diff'],
  pipeline: ['core', 'load', 'model', 'rules', 'diagnostics', 'emit', 'validators'],
  cli: ['core', 'load', 'model', 'rules', 'diagnostics', 'emit', 'mock', 'lsp', 'pipeline', 'validators', 'diff'],
};

describe('the layers of generator/', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('every folder is a known layer', () => {
    const layers = new Set(files(root).map((f) => layerOf(relative(root, f))));
    expect([...layers].filter((l) => !(l in allowed) && !l.endsWith('.ts'))).toEqual([]);
  });

  it('each layer imports only the layers below it (and the runtime leaf only itself)', () => {
    const bad = all.filter(({ from, to }) => {
      const a = layerOf(from);
      const b = layerOf(to);
      return a !== b && !(allowed[a] ?? []).includes(b);
    });
    expect(bad.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('nothing under emit/ or mock/ imports the loader', () => {
    expect(all.filter(({ from, to }) => /^(emit|mock)\//.test(from) && to.startsWith('load/')).map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('the model carries neither the document nor the workspace', () => {
    const types = readFileSync(join(root, 'model', 'types.ts'), 'utf8');
    const model = /export interface ApiModel \{([\s\S]*?)\n\}/.exec(types)![1]!;
    expect(model).not.toMatch(/\bdocument\b\s*:/);
    expect(model).not.toMatch(/\bworkspace\b\s*:/);
  });

  it('the generic generator names no particular API', () => {
    const named = files(root).filter((f) => /appcues|appboy|braze/i.test(readFileSync(f, 'utf8')));
    expect(named.map((f) => relative(root, f))).toEqual([]);
  });
});
