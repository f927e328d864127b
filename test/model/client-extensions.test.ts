// The facts of x-oaskit-rate-limit, x-oaskit-pagination and x-oaskit-download: which bucket each
// operation draws from (operation, then tag, then root), and the errors, at the extension, for
// what the shapes alone cannot tell (a bucket declared twice, a parameter that is not there).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel, ModelError } from '../../generator/model/build-model.ts';
import type { ApiModel } from '../../generator/model/types.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'string' } }, next: { type: 'string' }, url: { type: 'string' } } } } } } };
const get = (id: string, extra: Record<string, unknown> = {}) => ({ get: { operationId: id, responses: ok, ...extra } });

async function build(doc: Record<string, unknown>): Promise<{ model?: ApiModel; error?: ModelError; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-ext-'));
  dirs.push(dir);
  const file = join(dir, 'a.yaml');
  writeFileSync(file, YAML.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, ...doc }));
  const loaded = await loadSpec(file);
  try {
    return { model: buildModel(loaded), file };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { error, file };
  }
}

const factsOf = (m: ApiModel, id: string) => m.facts.operations.get(m.operations.find((o) => o.id === id)!)!;

describe('x-oaskit-rate-limit', () => {
  it('an operation draws from its own budget, else its first tag\'s, else the root\'s; false is none', async () => {
    const { model } = await build({
      'x-oaskit-rate-limit': { limit: 100, window: 3600 },
      tags: [{ name: 'send', 'x-oaskit-rate-limit': { bucket: 'messages', limit: 10, window: 60 } }, { name: 'plan', 'x-oaskit-rate-limit': { bucket: 'messages' } }, { name: 'free', 'x-oaskit-rate-limit': false }],
      paths: { '/a': get('a'), '/b': get('b', { tags: ['send'] }), '/c': get('c', { tags: ['plan'] }), '/d': get('d', { tags: ['free'] }), '/e': get('e', { tags: ['send'], 'x-oaskit-rate-limit': { limit: 1, window: 1 } }) },
    });
    expect(factsOf(model!, 'a').rateLimit).toEqual({ bucket: 'default', limit: 100, window: 3600 });
    expect(factsOf(model!, 'b').rateLimit).toEqual({ bucket: 'messages', limit: 10, window: 60 });
    expect(factsOf(model!, 'c').rateLimit).toEqual({ bucket: 'messages', limit: 10, window: 60 });
    expect(factsOf(model!, 'd').rateLimit).toBeUndefined();
    expect(factsOf(model!, 'e').rateLimit).toEqual({ bucket: 'e', limit: 1, window: 1 });
  });

  it('a bucket declared twice with different budgets, or joined but never declared, is an error at the extension', async () => {
    const twice = await build({ 'x-oaskit-rate-limit': { bucket: 'x', limit: 1, window: 1 }, paths: { '/a': get('a', { 'x-oaskit-rate-limit': { bucket: 'x', limit: 2, window: 1 } }) } });
    expect(twice.error?.message).toMatch(/bucket "x" is declared twice with different budgets/);
    expect(twice.error?.loc).toEqual({ file: twice.file, pointer: '/paths/~1a/get/x-oaskit-rate-limit' });
    const nowhere = await build({ paths: { '/a': get('a', { 'x-oaskit-rate-limit': { bucket: 'y' } }) } });
    expect(nowhere.error?.message).toMatch(/bucket "y" is not declared anywhere/);
    expect(nowhere.error?.loc.pointer).toBe('/paths/~1a/get/x-oaskit-rate-limit/bucket');
  });
});

describe('x-oaskit-pagination and x-oaskit-download', () => {
  const page = { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } };

  it('reads where pages start from the parameter\'s default, and the item schema', async () => {
    const { model } = await build({ paths: { '/a': get('a', { parameters: [page], 'x-oaskit-pagination': { style: 'page', param: 'page', items: '/data' } }) } });
    const p = factsOf(model!, 'a').pagination!;
    expect({ ...p, itemSchema: undefined }).toEqual({ style: 'page', param: 'page', start: 1, items: ['data'], itemSchema: undefined });
    expect(p.itemSchema?.type).toEqual(['string']);
  });

  it.each([
    ['a parameter that is not there', { 'x-oaskit-pagination': { style: 'offset', param: 'offset', items: '/data' } }, /has no query parameter "offset"/, '/param'],
    ['items that are not an array', { parameters: [page], 'x-oaskit-pagination': { style: 'page', param: 'page', items: '/next' } }, /is not an array of the success body/, '/items'],
    ['no first page', { parameters: [{ name: 'p', in: 'query' }], 'x-oaskit-pagination': { style: 'page', param: 'p', items: '/data' } }, /say which page comes first/, ''],
    ['a download URL that is not in the body', { 'x-oaskit-download': { url: '/href' } }, /is not a property of the JSON success body/, ''],
  ])('%s is an error at the extension', async (_, extra, message, member) => {
    const { error } = await build({ paths: { '/a': get('a', extra) } });
    expect(error?.message).toMatch(message);
    const ext = Object.keys(extra).find((k) => k.startsWith('x-oaskit'))!;
    expect(error?.loc.pointer).toBe(`/paths/~1a/get/${ext}${member === '' && ext === 'x-oaskit-download' ? '/url' : member}`);
  });
});
