// The one grammar of OpenAPI structure: what kind of object sits at a pointer (every walker, the
// rules, completion and hover derive from it), per version.
import { describe, expect, it } from 'vitest';
import { childShape, fieldsOf, kindAt } from '../../generator/core/grammar.ts';

const doc = {
  openapi: '3.1.0',
  paths: {
    '/pets': {
      parameters: [{ $ref: '#/components/parameters/Limit' }],
      get: {
        responses: {
          default: { description: 'error' },
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { example: { type: 'string' } } }, examples: { one: { value: { a: 1 } } } } } },
        },
        callbacks: { onEvent: { '{$request.body#/url}': { post: { responses: {} } } } },
      },
    },
  },
  components: {
    schemas: { Pet: { allOf: [{ $ref: '#/components/schemas/Base' }], discriminator: { propertyName: 'kind' } } },
    securitySchemes: { key: { type: 'apiKey', flows: {} } },
  },
};

describe('kindAt', () => {
  const table: [string, string, string | undefined][] = [
    ['the root', '', 'document'],
    ['a path item', '/paths/~1pets', 'pathItem'],
    ['a $ref where a parameter goes', '/paths/~1pets/parameters/0', 'reference'],
    ['an operation', '/paths/~1pets/get', 'operation'],
    ['the `default` of a Responses object is a response', '/paths/~1pets/get/responses/default', 'response'],
    ['a status code', '/paths/~1pets/get/responses/200', 'response'],
    ['a media type', '/paths/~1pets/get/responses/200/content/application~1json', 'mediaType'],
    ['a schema', '/paths/~1pets/get/responses/200/content/application~1json/schema', 'schema'],
    ['a property named `example` is a schema', '/paths/~1pets/get/responses/200/content/application~1json/schema/properties/example', 'schema'],
    ['an Example object', '/paths/~1pets/get/responses/200/content/application~1json/examples/one', 'example'],
    ['an example value is data', '/paths/~1pets/get/responses/200/content/application~1json/examples/one/value', undefined],
    ['a callback', '/paths/~1pets/get/callbacks/onEvent', 'callback'],
    ['an operation of a callback', '/paths/~1pets/get/callbacks/onEvent/{$request.body#~1url}/post', 'operation'],
    ['an allOf member', '/components/schemas/Pet/allOf/0', 'schema'],
    ['a discriminator', '/components/schemas/Pet/discriminator', 'discriminator'],
    ['a security scheme', '/components/securitySchemes/key', 'securityScheme'],
    ['an unknown key', '/paths/~1pets/get/nonsense', undefined],
  ];
  for (const [name, pointer, kind] of table) {
    it(name, () => expect(kindAt(doc, pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')))).toBe(kind));
  }
  it("`refs: 'expected'` gives the kind a $ref stands for", () => {
    expect(kindAt(doc, ['paths', '/pets', 'parameters', '0'], 'document', 'expected')).toBe('parameter');
  });
  it('a fragment file gets the kind it is read as', () => {
    expect(kindAt({ Pet: { properties: { a: {} } } }, ['Pet', 'properties', 'a'], 'schema')).toBe(undefined);
    expect(kindAt({ properties: { a: {} } }, ['properties', 'a'], 'schema')).toBe('schema');
  });
});

describe('versions', () => {
  const names = (kind: Parameters<typeof fieldsOf>[0], v: '3.0' | '3.1') => fieldsOf(kind, v).map(([k]) => k);
  it('3.1-only keywords are not fields of a 3.0 schema, and `nullable` not of a 3.1 one', () => {
    expect(names('schema', '3.0')).toContain('nullable');
    expect(names('schema', '3.0')).not.toContain('const');
    expect(names('schema', '3.1')).toContain('const');
    expect(names('schema', '3.1')).not.toContain('nullable');
    expect(names('document', '3.0')).not.toContain('webhooks');
    expect(names('document', '3.1')).toContain('webhooks');
  });
  it('childShape: maps of named objects, lists, data', () => {
    expect(childShape('components', 'schemas')).toEqual(expect.objectContaining({ of: 'schema', many: 'map' }));
    expect(childShape('operation', 'parameters')).toEqual(expect.objectContaining({ of: 'parameter', many: 'list' }));
    expect(childShape('operation', 'operationId')).toEqual({ data: 'string' });
    expect(childShape('paths', '/any/path')).toEqual(expect.objectContaining({ of: 'pathItem' }));
  });
});
