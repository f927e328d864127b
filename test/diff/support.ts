// Small specs for the diff tests: an operation, a spec around operations and components, and a
// pair of them written to a temporary folder (JSON or YAML, as the case says).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { diffSpecs } from '../../generator/diff/run.ts';

export type Obj = Record<string, unknown>;

/** A JSON response with a schema. */
export function json(schema: unknown, extra: Obj = {}): Obj {
  return { description: 'ok', content: { 'application/json': { schema } }, ...extra };
}

/** An operation answering 200 with `result` (and 400). */
export function op(id: string, parts: Obj = {}, result: unknown = { type: 'object', properties: { id: { type: 'string' } } }): Obj {
  return { operationId: id, tags: ['pets'], responses: { '200': json(result), '400': { description: 'bad' } }, ...parts };
}

/** A body operation: POST with a required JSON body. */
export function post(id: string, body: unknown, parts: Obj = {}): Obj {
  return op(id, { requestBody: { required: true, content: { 'application/json': { schema: body } } }, ...parts });
}

export function spec(paths: Obj, components: Obj = {}, extra: Obj = {}, version: '3.0.3' | '3.1.0' = '3.1.0'): Obj {
  return { openapi: version, info: { title: 'Pets', version: '1.0.0' }, servers: [{ url: 'https://api.example.com' }], paths, components, ...extra };
}

/** Writes both specs (same file name in two folders, so the SDK names compare) and diffs them. */
export async function diffPair(oldSpec: Obj, newSpec: Obj, format: 'json' | 'yaml' = 'json') {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-diff-'));
  const write = (name: string, value: Obj) => {
    const path = join(dir, name);
    writeFileSync(path, format === 'json' ? JSON.stringify(value, null, 2) : stringify(value));
    return path;
  };
  const oldPath = write(`old.${format}`, oldSpec);
  const newPath = write(`new.${format}`, newSpec);
  const result = await diffSpecs(oldPath, newPath, { name: 'pets' });
  return { ...result, oldPath, newPath, dir };
}
