// The model builder on small specs: schema identity and refs (across files too), each 3.0 -> 3.1
// normalisation, recursion, names, locations of model errors, and the printed document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel, ModelError } from '../../generator/model/build-model.ts';
import { printDocument } from '../../generator/model/document.ts';
import { propertyOf, unwrap, type Schema } from '../../generator/model/schema.ts';
import type { ApiModel } from '../../generator/model/types.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Write the files (name -> YAML value) to a fresh folder and model the first one. */
async function model(files: Record<string, unknown>): Promise<ApiModel> {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-model-'));
  dirs.push(dir);
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), typeof value === 'string' ? value : YAML.stringify(value));
  const loaded = await loadSpec(join(dir, Object.keys(files)[0]!));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, 'the test spec loads cleanly').toEqual([]);
  return buildModel(loaded);
}

const doc31 = (extra: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, ...extra });
const doc30 = (extra: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: {}, ...extra });
const component = (m: ApiModel, name: string): Schema => m.schemas.find((s) => s.name === name)!.schema;

describe('schema nodes', () => {
  it('a pure $ref is the node it names: every use of a component shares one node', async () => {
    const m = await model({
      'a.yaml': doc31({
        components: {
          schemas: {
            Pet: { type: 'object', properties: { id: { type: 'integer' } } },
            Owner: { type: 'object', properties: { pet: { $ref: '#/components/schemas/Pet' }, pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
        },
      }),
    });
    const owner = component(m, 'Owner');
    expect(propertyOf(owner, 'pet')).toBe(component(m, 'Pet'));
    expect(propertyOf(owner, 'pets')!.items).toBe(component(m, 'Pet'));
    expect(component(m, 'Pet').component).toBe('Pet');
    expect(m.schemaNodes.every((s, i) => s.id === i)).toBe(true);
  });

  it('refs across files resolve to nodes located in their own file', async () => {
    const m = await model({
      'root.yaml': doc31({ components: { schemas: { Order: { type: 'object', properties: { item: { $ref: 'common.yaml#/Item' } } } } } }),
      'common.yaml': { Item: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } },
    });
    const item = propertyOf(component(m, 'Order'), 'item')!;
    expect(item.loc.file.endsWith('common.yaml')).toBe(true);
    expect(item.loc.pointer).toBe('/Item');
    expect(item.required).toEqual(['sku']);
    expect(item.component).toBeUndefined();
  });

  it('3.1: a $ref with siblings is a node of its own that refers to the target', async () => {
    const m = await model({
      'a.yaml': doc31({ components: { schemas: { Id: { type: 'string' }, Thing: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id', description: 'the thing' } } } } } }),
    });
    const id = propertyOf(component(m, 'Thing'), 'id')!;
    expect(id).not.toBe(component(m, 'Id'));
    expect(id.ref).toBe(component(m, 'Id'));
    expect(id.description).toBe('the thing');
    expect(unwrap(id)).toBe(component(m, 'Id'));
  });

  it('3.0: the siblings of a $ref are ignored, as 3.0 says', async () => {
    const m = await model({
      'a.yaml': doc30({ components: { schemas: { Id: { type: 'string' }, Thing: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id', description: 'ignored' } } } } } }),
    });
    expect(propertyOf(component(m, 'Thing'), 'id')).toBe(component(m, 'Id'));
  });

  it.each([
    ['nullable: true adds the null type', { type: 'string', nullable: true }, { type: ['string', 'null'] }, ['nullable']],
    ['nullable with an enum keeps the enum as written (null only if listed)', { type: 'string', nullable: true, enum: ['a'] }, { type: ['string', 'null'], enum: ['a'] }, []],
    ['boolean exclusiveMinimum becomes the number', { type: 'number', minimum: 1, exclusiveMinimum: true }, { exclusiveMinimum: 1 }, ['minimum']],
    ['boolean exclusiveMaximum becomes the number', { type: 'number', maximum: 9, exclusiveMaximum: true }, { exclusiveMaximum: 9 }, ['maximum']],
    ['exclusiveMinimum: false leaves minimum inclusive', { type: 'number', minimum: 1, exclusiveMinimum: false }, { minimum: 1 }, ['exclusiveMinimum']],
    ['example becomes examples', { type: 'string', example: 'x' }, { examples: ['x'] }, ['example']],
  ])('3.0 -> 3.1: %s', async (_name, written, expected, absent) => {
    const m = await model({ 'a.yaml': doc30({ components: { schemas: { S: written } } }) });
    expect(component(m, 'S')).toMatchObject(expected);
    for (const k of absent) expect(component(m, 'S')).not.toHaveProperty(k);
  });

  it('3.1 keywords are kept as 3.1 (numeric exclusive limits, examples, const, type lists)', async () => {
    const m = await model({ 'a.yaml': doc31({ components: { schemas: { S: { type: ['integer', 'null'], exclusiveMinimum: 0, const: 5, examples: [5] } } } }) });
    expect(component(m, 'S')).toMatchObject({ type: ['integer', 'null'], exclusiveMinimum: 0, const: { value: 5 }, examples: [5] });
  });

  it('recursion is marked: a schema that reaches itself, directly or through others', async () => {
    const m = await model({
      'a.yaml': doc31({
        components: {
          schemas: {
            Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
            A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
            B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
            Leaf: { type: 'string' },
          },
        },
      }),
    });
    expect(component(m, 'Tree').recursive).toBe(true);
    expect(component(m, 'A').recursive).toBe(true);
    expect(component(m, 'B').recursive).toBe(true);
    expect(component(m, 'Leaf').recursive).toBe(false);
  });

  it('names: components by their name, inline schemas from where they are', async () => {
    const m = await model({
      'a.yaml': doc31({
        paths: {
          '/pets': {
            post: {
              operationId: 'createPet',
              parameters: [{ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }],
              requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } } } },
              responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
            },
          },
        },
      }),
    });
    const names = m.schemaNodes.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['createPet.dry_run', 'createPet.body', 'createPet.body.tags', 'createPet.body.tags.item', 'createPet.response201']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('a component that is only a $ref to another shares its node, and each still gets its own validator name', async () => {
    const m = await model({
      'a.yaml': doc31({
        components: { schemas: { Foo: { type: 'object' }, FooAlias: { $ref: '#/components/schemas/Foo' }, Foo2: { type: 'string' } } },
      }),
    });
    expect(component(m, 'FooAlias')).toBe(component(m, 'Foo'));
    expect(m.names.schemaValidators.get(component(m, 'Foo'))).toBe('Foo');
    expect([...m.names.componentValidators]).toEqual([['Foo', 'Foo'], ['FooAlias', 'FooAlias'], ['Foo2', 'Foo2']]);
  });

  it('discriminator mappings name nodes (by component name or by $ref)', async () => {
    const m = await model({
      'a.yaml': doc31({
        components: {
          schemas: {
            Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: 'Cat', dog: '#/components/schemas/Dog' } } },
            Cat: { type: 'object', properties: { kind: { const: 'cat' } } },
            Dog: { type: 'object', properties: { kind: { const: 'dog' } } },
          },
        },
      }),
    });
    const d = component(m, 'Pet').discriminator!;
    expect(d.propertyName).toBe('kind');
    expect(d.mapping.map((x) => [x.value, x.schema.component])).toEqual([['cat', 'Cat'], ['dog', 'Dog']]);
  });

  it('`__proto__` and `constructor` are property names like any other', async () => {
    const m = await model({ 'a.yaml': '{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"components":{"schemas":{"S":{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"integer"}}}}}}' });
    expect(component(m, 'S').properties!.map((p) => p.name)).toEqual(['__proto__', 'constructor']);
    const printed = printDocument(m).document as { components: { schemas: { S: { properties: object } } } };
    expect(Object.keys(printed.components.schemas.S.properties)).toEqual(['__proto__', 'constructor']);
  });
});

describe('model errors keep their place', () => {
  it('an extension that cannot be read is reported at file:line:col of the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oaskit-model-'));
    dirs.push(dir);
    const spec = join(dir, 'a.yaml');
    writeFileSync(spec, YAML.stringify(doc31({ paths: { '/jobs/{id}': { get: { operationId: 'getJob', 'x-oaskit-job-status': true, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } } } } } } } })));
    const loaded = await loadSpec(spec);
    const error = (() => {
      try {
        return buildModel(loaded);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).loc).toEqual({ file: spec, pointer: '/paths/~1jobs~1{id}/get/x-oaskit-job-status' });
  });
});

describe('the printed document (what Prism serves and the validators compile)', () => {
  it('every $ref is #/components/schemas/<name>; shared inline schemas get a name of their own', async () => {
    const m = await model({
      'root.yaml': doc31({
        paths: { '/x': { get: { operationId: 'getX', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'parts.yaml#/Shared' } } } }, '201': { description: 'ok', content: { 'application/json': { schema: { $ref: 'parts.yaml#/Shared' } } } } } } } },
      }),
      'parts.yaml': { Shared: { type: 'object', properties: { n: { type: 'integer' } } } },
    });
    const { document, pointerOf } = printDocument(m);
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((x) => x[1]);
    expect(refs.length).toBe(2);
    for (const r of refs) expect(r).toMatch(/^#\/components\/schemas\/[^/]+$/);
    const shared = m.schemaNodes.find((s) => s.loc.file.endsWith('parts.yaml'))!;
    expect(pointerOf(shared)).toMatch(/^\/components\/schemas\//);
    expect(text).not.toContain('parts.yaml');
  });

  it('a 3.0 spec is printed as 3.1 (nullable as a type list)', async () => {
    const m = await model({ 'a.yaml': doc30({ components: { schemas: { S: { type: 'string', nullable: true } } } }) });
    const printed = printDocument(m).document as { openapi: string; components: { schemas: { S: unknown } } };
    expect(printed.openapi).toBe('3.1.0');
    expect(printed.components.schemas.S).toEqual({ type: ['string', 'null'] });
  });
});
