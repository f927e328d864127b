// startPrism: a real Prism process per spec, ready when it answers, gone (whole process group)
// after stop(); 3.1 schemas validated as JSON Schema 2020-12 like oaskit's own validators.
import { createServer, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../generator/mock/ports.ts';
import { prismArgs, PrismStartError, startPrism, type PrismServer } from '../../generator/mock/prism.ts';
import { writePrismDocument } from '../../generator/mock/prism-document.ts';
import { modelOf } from '../../generator/pipeline/pipeline.ts';
import { eventually, fetchJson, fixtures, prismPidsOnPort } from './helpers.ts';

const pets = join(fixtures, 'pets.yaml');

describe('startPrism (mock mode)', () => {
  let prism: PrismServer;

  beforeAll(async () => {
    prism = await startPrism({ model: await modelOf(pets), port: await freePort(), mode: 'mock' });
  }, 120_000);

  afterAll(async () => {
    await prism?.stop();
  });

  it('serves the examples of the spec', async () => {
    const r = await fetchJson(`${prism.url}/pets/1`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 1, name: 'Rex' });
    const list = await fetchJson(`${prism.url}/pets?limit=5`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id: 1, name: 'Rex', tags: ['dog'] }]);
  });

  it('answers a documented error response when asked with Prefer: code=...', async () => {
    const r = await fetchJson(`${prism.url}/pets/1`, { headers: { Prefer: 'code=404' } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ message: 'no such pet' });
  });

  it('validates 3.1 request bodies as JSON Schema 2020-12 (unevaluatedProperties, prefixItems)', async () => {
    const post = (body: unknown) => fetchJson(`${prism.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ name: 'Rex', tags: ['dog'] })).status).toBe(201);
    // draft-07 would ignore unevaluatedProperties and accept this
    expect((await post({ name: 'Rex', colour: 'brown' })).status).toBe(400);
    // prefixItems + items: false: one string at most. Draft-07 would read `items: false` as "no items at all"
    expect((await post({ name: 'Rex', tags: ['dog', 'old'] })).status).toBe(400);
    expect((await post({ name: 'Rex', tags: [] })).status).toBe(201);
  });

  it('answers an invalid path parameter with a validation error', async () => {
    const r = await fetchJson(`${prism.url}/pets/abc`);
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('must be integer');
  });

  it('stop() leaves no Prism process behind', async () => {
    const other = await startPrism({ model: await modelOf(pets), port: await freePort(), mode: 'mock' });
    expect(prismPidsOnPort(other.port)).toEqual([other.pid]);
    await other.stop();
    expect(prismPidsOnPort(other.port)).toEqual([]);
    expect(() => process.kill(-other.pid, 0)).toThrow(); // the process group is empty
    await other.stop(); // twice is fine
  }, 120_000);
});

describe('startPrism with an example that breaks its own schema', () => {
  it('the mock (with --errors) refuses to serve it and says why', async () => {
    const prism = await startPrism({ model: await modelOf(join(fixtures, 'bad-example.yaml')), port: await freePort(), mode: 'mock' });
    try {
      const r = await fetchJson(`${prism.url}/count`);
      expect(r.status).toBe(500);
      expect(r.body).toMatchObject({ title: 'Request/Response not valid', validation: [{ location: ['response', 'body', 'count'], code: 'minimum' }] });
    } finally {
      await prism.stop();
    }
  }, 120_000);
});

describe('startPrism failures', () => {
  it('a spec Prism cannot load is a PrismStartError naming the spec', async () => {
    const spec = join(fixtures, 'no-operations.yaml');
    const port = await freePort();
    const error = await startPrism({ model: await modelOf(spec), port, mode: 'mock' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).spec).toBe(spec);
    expect((error as PrismStartError).message).toContain('no-operations.yaml');
    expect((error as PrismStartError).detail).toMatch(/No operations found/);
    await eventually(() => prismPidsOnPort(port).length === 0, 10_000, 'Prism to exit');
  }, 120_000);

  it('a port already in use is reported as such', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const error = await startPrism({ model: await modelOf(pets), port, mode: 'mock' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrismStartError);
      expect((error as PrismStartError).detail).toBe(`port ${port} is already in use`);
      await eventually(() => prismPidsOnPort(port).length === 0, 10_000, 'Prism to exit');
    } finally {
      blocker.close();
    }
  }, 120_000);
});

describe('what Prism is given', () => {
  it('the model printed as one 3.1 document naming the 2020-12 dialect, every $ref internal', async () => {
    const doc = writePrismDocument(await modelOf(pets));
    try {
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(doc.path, 'utf8');
      const copy = JSON.parse(text) as Record<string, unknown>;
      expect(copy.openapi).toBe('3.1.0');
      expect(copy.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(copy.paths).toBeDefined();
      const refs = [...text.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ref).toMatch(/^#\/components\/schemas\/[^/]+$/);
    } finally {
      doc.cleanup();
    }
    expect(existsSync(doc.path)).toBe(false);
  });

  it('mock: --errors on, loopback, single process; proxy: --errors off', async () => {
    const model = await modelOf(pets);
    expect(prismArgs({ model, port: 4010, mode: 'mock' }, 'x.json')).toEqual(['mock', 'x.json', '--port', '4010', '--host', '127.0.0.1', '--no-multiprocess', '--errors']);
    expect(prismArgs({ model, port: 1, mode: 'proxy', upstream: 'http://127.0.0.1:9' }, 'x.json')).toEqual(['proxy', 'x.json', 'http://127.0.0.1:9', '--port', '1', '--host', '127.0.0.1', '--no-multiprocess', '--no-errors']);
  });
});
