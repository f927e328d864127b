// Keyword tables: every case runs through the compiled `validateX` and `isX` and through the
// interpreter; all three must agree on the verdict, compiled and interpreted errors must be
// identical, and the listed errors (pointer, keyword, message) must be among them.
import { beforeAll, describe, expect, it } from 'vitest';
import { emitValidatorModule, interpret, type Dialect } from '../../generator/validators/index.ts';
import { importModule, type Guard, type Validate, type ValidationError } from './harness.ts';

type Expected = Partial<Pick<ValidationError, 'instancePath' | 'keyword' | 'message' | 'schemaPath' | 'params'>>;

interface Case {
  schema: unknown;
  valid?: unknown[];
  /** [value, errors that must be reported (a subset, each matched by its given fields)] */
  invalid?: [unknown, Expected[]?][];
}

const proto = (json: string): unknown => JSON.parse(json);

const cases: Record<string, Case> = {
  'type string': { schema: { type: 'string' }, valid: ['', 'a'], invalid: [[1, [{ instancePath: '', keyword: 'type', message: 'must be string', schemaPath: '#/$defs/type_string/type' }]], [null], [{}]] },
  'type integer': { schema: { type: 'integer' }, valid: [1, 1.0, -5, 1e20], invalid: [[1.5, [{ message: 'must be integer' }]], ['1']] },
  'type number': { schema: { type: 'number' }, valid: [1, 1.5], invalid: [['1'], [null]] },
  // NaN and ±Infinity are not JSON numbers: JSON.stringify would send them as null
  'type number refuses NaN and ±Infinity': { schema: { type: 'number' }, valid: [0, -0, Number.MAX_VALUE], invalid: [[NaN, [{ keyword: 'type', message: 'must be number' }]], [Infinity], [-Infinity]] },
  'type integer refuses NaN and ±Infinity': { schema: { type: 'integer' }, valid: [0], invalid: [[NaN, [{ message: 'must be integer' }]], [Infinity], [-Infinity]] },
  'type list with number refuses NaN': { schema: { type: ['number', 'null'] }, valid: [1, null], invalid: [[NaN, [{ message: 'must be number or null' }]], [-Infinity]] },
  'a nested number refuses NaN': { schema: { properties: { price: { type: 'number', minimum: 0 } } }, valid: [{ price: 1.5 }], invalid: [[{ price: NaN }, [{ instancePath: '/price', keyword: 'type' }]], [{ price: Infinity }]] },
  'anyOf of typed branches refuses NaN': { schema: { anyOf: [{ type: 'number' }, { type: 'string' }] }, valid: [1, 'a'], invalid: [[NaN], [Infinity]] },
  'type list': { schema: { type: ['string', 'null'] }, valid: ['a', null], invalid: [[1, [{ message: 'must be string or null', params: { type: 'string,null' } }]]] },
  'type object is not array or null': { schema: { type: 'object' }, valid: [{}], invalid: [[[]], [null]] },
  'type array': { schema: { type: 'array' }, valid: [[]], invalid: [[{}]] },
  'enum strings': {
    schema: { enum: ['a', 'b'] },
    valid: ['a', 'b'],
    invalid: [['c', [{ keyword: 'enum', message: 'must be one of "a", "b"' }]], [1]],
  },
  'enum long list uses a set': { schema: { enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 1, null, true] }, valid: ['i', 1, null, true], invalid: [['j'], [false], [2]] },
  'enum deep values': { schema: { enum: [{ a: [1, { b: 2 }] }, [1, 2]] }, valid: [{ a: [1, { b: 2 }] }, [1, 2]], invalid: [[{ a: [1, { b: 3 }] }], [[2, 1]], [{ a: [1, { b: 2 }], c: 1 }]] },
  'const deep with key order': { schema: { const: { a: 1, b: [true, null] } }, valid: [{ b: [true, null], a: 1 }], invalid: [[{ a: 1 }, [{ keyword: 'const', message: 'must be equal to {"a":1,"b":[true,null]}' }]]] },
  'const __proto__ key is data': { schema: { const: proto('{"__proto__":{"x":1}}') }, valid: [proto('{"__proto__":{"x":1}}')], invalid: [[{}], [{ x: 1 }]] },
  'const 1 equals 1.0': { schema: { const: 1 }, valid: [1.0], invalid: [[true], ['1']] },
  'required and presence': {
    schema: { required: ['a', 'constructor', 'toString'] },
    valid: [{ a: 0, constructor: 1, toString: 2 }, 'not an object'],
    invalid: [
      [{}, [{ keyword: 'required', message: 'must have required property "a"', params: { missingProperty: 'a' } }, { message: 'must have required property "constructor"' }, { message: 'must have required property "toString"' }]],
      [{ a: 1, toString: 1 }, [{ message: 'must have required property "constructor"' }]],
    ],
  },
  'required __proto__': { schema: { required: ['__proto__'] }, valid: [proto('{"__proto__":1}')], invalid: [[{}, [{ message: 'must have required property "__proto__"' }]]] },
  'properties with inherited names': {
    schema: { properties: proto('{"__proto__":{"type":"number"},"constructor":{"type":"string"},"hasOwnProperty":{"type":"string"}}') },
    valid: [{}, proto('{"__proto__":1,"constructor":"x","hasOwnProperty":"y"}')],
    invalid: [
      [proto('{"__proto__":"1"}'), [{ instancePath: '/__proto__', message: 'must be number' }]],
      [{ constructor: 1 }, [{ instancePath: '/constructor' }]],
    ],
  },
  'additionalProperties false': {
    schema: { properties: { a: {}, 'b/c~d': {} }, additionalProperties: false },
    valid: [{ a: 1, 'b/c~d': 2 }],
    invalid: [[{ a: 1, x: 2 }, [{ keyword: 'additionalProperties', instancePath: '', message: 'must not have unknown property "x"', params: { additionalProperty: 'x' } }]], [proto('{"__proto__":1}')], [{ constructor: 1 }]],
  },
  'additionalProperties many names (length switch)': {
    schema: { properties: Object.fromEntries(['a', 'bb', 'cc', 'ddd', 'eeee', 'f', 'gg'].map((name) => [name, { type: 'integer' }])), additionalProperties: { type: 'string' } },
    valid: [{ a: 1, bb: 2, gg: 3, other: 'x', ab: 'y' }],
    invalid: [[{ ab: 1 }, [{ instancePath: '/ab', message: 'must be string' }]], [{ gg: 'x' }, [{ instancePath: '/gg', message: 'must be integer' }]]],
  },
  'additionalProperties pointer escaping': {
    schema: { additionalProperties: { type: 'string' } },
    invalid: [[{ 'a/b~c': 1 }, [{ instancePath: '/a~1b~0c', schemaPath: '#/$defs/additionalProperties_pointer_escaping/additionalProperties/type' }]]],
  },
  patternProperties: {
    schema: { patternProperties: { '^x-': { type: 'string' }, '\\d$': { type: 'integer' } }, additionalProperties: false },
    valid: [{ 'x-a': 'b', a1: 1 }],
    invalid: [[{ 'x-a': 1 }, [{ instancePath: '/x-a', message: 'must be string' }]], [{ y: 1 }, [{ keyword: 'additionalProperties' }]], [{ 'x-1': 'a' }, [{ instancePath: '/x-1', message: 'must be integer' }]]],
  },
  propertyNames: {
    schema: { propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } },
    valid: [{ abc: 1 }, {}],
    invalid: [[{ abcd: 1 }, [{ keyword: 'propertyNames', message: 'property name "abcd" is invalid', params: { propertyName: 'abcd' } }]], [{ A: 1 }]],
  },
  'min/maxProperties': {
    schema: { minProperties: 1, maxProperties: 2 },
    valid: [{ a: 1 }, { a: 1, b: 2 }, []],
    invalid: [[{}, [{ message: 'must have at least 1 property' }]], [{ a: 1, b: 2, c: 3 }, [{ message: 'must have at most 2 properties' }]]],
  },
  dependentRequired: {
    schema: { dependentRequired: { card: ['billing'] } },
    valid: [{}, { card: 1, billing: 2 }, { billing: 1 }],
    invalid: [[{ card: 1 }, [{ keyword: 'dependentRequired', message: 'must have property "billing" when property "card" is present' }]]],
  },
  dependentSchemas: { schema: { dependentSchemas: { card: { required: ['billing'] } } }, valid: [{}, { card: 1, billing: 1 }], invalid: [[{ card: 1 }, [{ keyword: 'required' }]]] },
  'items and maxItems': {
    schema: { type: 'array', maxItems: 50, items: { type: 'integer' } },
    valid: [[], Array.from({ length: 50 }, (_, i) => i)],
    invalid: [[Array.from({ length: 51 }, (_, i) => i), [{ keyword: 'maxItems', message: 'must have at most 50 items' }]], [[1, 'a', 2, 'b'], [{ instancePath: '/1' }, { instancePath: '/3' }]]],
  },
  'minItems one': { schema: { minItems: 1 }, valid: [[1]], invalid: [[[], [{ message: 'must have at least 1 item' }]]] },
  prefixItems: {
    schema: { prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
    valid: [[], ['a'], ['a', 1]],
    invalid: [[['a', 1, 2], [{ keyword: 'items', message: 'must have at most 2 items' }]], [[1], [{ instancePath: '/0' }]]],
  },
  'uniqueItems deep': {
    schema: { uniqueItems: true },
    valid: [[1, '1', true, null, { a: 1 }, { a: 2 }, [1]]],
    invalid: [[[{ a: 1, b: 2 }, { b: 2, a: 1 }], [{ keyword: 'uniqueItems', params: { i: 0, j: 1 } }]], [[1, 1.0]], [[[1, [2]], [1, [2]]]]],
  },
  'contains with min and max': {
    schema: { contains: { type: 'string' }, minContains: 2, maxContains: 3 },
    valid: [['a', 'b'], ['a', 1, 'b', 'c']],
    invalid: [[['a', 1], [{ keyword: 'minContains', message: 'must contain at least 2 valid items' }]], [['a', 'b', 'c', 'd'], [{ keyword: 'maxContains', message: 'must contain at most 3 valid items' }]]],
  },
  'contains default': { schema: { contains: { const: 1 } }, valid: [[0, 1]], invalid: [[[], [{ keyword: 'contains', message: 'must contain at least 1 valid item' }]]] },
  'lengths count code points': {
    schema: { minLength: 2, maxLength: 3 },
    valid: ['💩💩', 'abc', '💩💩💩'],
    invalid: [['💩', [{ keyword: 'minLength', message: 'must have at least 2 characters' }]], ['💩💩💩💩', [{ keyword: 'maxLength', message: 'must have at most 3 characters' }]]],
  },
  'pattern with the u flag': {
    schema: { pattern: '^\\p{Lu}\\p{Ll}+$' },
    valid: ['Élan', 'Zoë', 42],
    invalid: [['élan', [{ keyword: 'pattern', message: 'must match pattern "^\\\\p{Lu}\\\\p{Ll}+$"' }]]],
  },
  'pattern is not anchored': { schema: { pattern: 'b' }, valid: ['abc'], invalid: [['ac']] },
  'number limits': {
    schema: { minimum: 1, maximum: 10, exclusiveMaximum: 10 },
    valid: [1, 9.99],
    invalid: [[0.5, [{ keyword: 'minimum', message: 'must be >= 1' }]], [10, [{ keyword: 'exclusiveMaximum', message: 'must be < 10' }]]],
  },
  'multipleOf float-safe': {
    schema: { multipleOf: 0.1 },
    valid: [0.3, 0.7, 1.1, 10, 0.30000000000000004],
    invalid: [[0.31, [{ keyword: 'multipleOf', message: 'must be a multiple of 0.1' }]], [0.05]],
  },
  'multipleOf overflow': { schema: { type: 'integer', multipleOf: 0.123456789 }, invalid: [[1e308]] },
  'multipleOf integer': { schema: { multipleOf: 3 }, valid: [9, -3, 0], invalid: [[10], [4.5]] },
  allOf: { schema: { allOf: [{ minimum: 2 }, { maximum: 3 }] }, valid: [2.5], invalid: [[1, [{ keyword: 'minimum' }]], [4, [{ keyword: 'maximum' }]]] },
  anyOf: {
    schema: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 5 }] },
    valid: ['a', 5],
    invalid: [[3, [{ keyword: 'anyOf', message: 'must match at least one schema in anyOf' }, { keyword: 'type', schemaPath: '#/$defs/anyOf/anyOf/0/type' }, { keyword: 'minimum' }]]],
  },
  oneOf: {
    schema: { oneOf: [{ type: 'integer' }, { minimum: 2 }] },
    valid: [1, 2.5],
    invalid: [[3, [{ keyword: 'oneOf', params: { passingSchemas: [0, 1] }, message: 'must match exactly one schema in oneOf, but matches more than one' }]], [1.5, [{ keyword: 'oneOf', message: 'must match exactly one schema in oneOf, but matches none' }]]],
  },
  not: { schema: { not: { type: 'string' } }, valid: [1], invalid: [['a', [{ keyword: 'not', message: 'must not match the schema in "not"' }]]] },
  'if then else': {
    schema: { if: { required: ['kind'], properties: { kind: { const: 'a' } } }, then: { required: ['a'] }, else: { required: ['b'] } },
    valid: [{ kind: 'a', a: 1 }, { kind: 'x', b: 1 }],
    invalid: [[{ kind: 'a' }, [{ message: 'must have required property "a"', schemaPath: '#/$defs/if_then_else/then/required' }]], [{}, [{ message: 'must have required property "b"' }]]],
  },
  'false schema': { schema: { properties: { x: false } }, valid: [{}], invalid: [[{ x: 1 }, [{ keyword: 'false', instancePath: '/x', message: 'no value is allowed here' }]]] },
  'recursive $ref': {
    schema: { $ref: '#/$defs/tree' },
    valid: [{ value: 1, children: [{ value: 2, children: [] }, { value: 3 }] }],
    invalid: [[{ value: 1, children: [{ value: 'x' }] }, [{ instancePath: '/children/0/value', schemaPath: '#/$defs/tree/properties/value/type' }]]],
  },
  '$ref into properties/items with escaping': {
    schema: { properties: { list: { $ref: '#/$defs/holder/properties/x~1y/items' }, tilde: { $ref: '#/$defs/holder/properties/a~0b' }, space: { $ref: '#/$defs/holder/properties/c%20d' } } },
    valid: [{ list: 'abc', tilde: 1, space: true }],
    invalid: [[{ list: 1 }, [{ instancePath: '/list', schemaPath: '#/$defs/holder/properties/x~1y/items/type' }]], [{ tilde: 'x' }], [{ space: 1 }]],
  },
  'formats': {
    schema: {
      properties: Object.fromEntries(['date-time', 'date', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname', 'int32', 'int64', 'float', 'made-up'].map((format) => [format, { format }])),
    },
    valid: [
      {
        'date-time': '2024-02-29T23:59:60Z',
        date: '2000-02-29',
        time: '15:59:60-08:00',
        email: 'a.b+c@example.com',
        uri: 'https://example.com/a?b=c#d',
        uuid: '123e4567-e89b-12d3-a456-426614174000',
        ipv4: '192.168.0.1',
        ipv6: '::ffff:192.168.0.1',
        hostname: 'api.example.com',
        int32: 2147483647,
        int64: -9007199254740991,
        float: 1.5,
        'made-up': 'anything',
      },
      { 'date-time': 1, int32: 'not a number' },
    ],
    invalid: [
      [{ 'date-time': '2023-02-29T10:00:00Z' }, [{ instancePath: '/date-time', keyword: 'format', message: 'must be a valid date-time' }]],
      [{ 'date-time': '2024-01-01T10:00:60Z' }],
      [{ 'date-time': '2024-01-01 10:00:00Z' }],
      [{ date: '2001-02-29' }],
      [{ time: '10:00:00' }],
      [{ email: 'no-at-sign' }],
      [{ uri: '//relative' }],
      [{ uuid: '123e4567e89b12d3a456426614174000' }],
      [{ ipv4: '256.1.1.1' }],
      [{ ipv6: '1:2:3:4:5:6:7:8:9' }],
      [{ hostname: '-bad.example' }],
      [{ int32: 2147483648 }, [{ message: 'must be a valid int32' }]],
      [{ int32: 1.5 }],
      [{ int64: 9223372036854775808 }],
    ],
  },
  'identical subschemas compile once, errors say where': {
    schema: {
      properties: {
        a: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 }, tag: { type: 'string', maxLength: 3 } } },
        b: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 }, tag: { type: 'string', maxLength: 3 } }, description: 'the same checks' },
        list: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 }, tag: { type: 'string', maxLength: 3 } } } },
      },
    },
    valid: [{ a: { id: 1 }, b: { id: 2, tag: 'abc' }, list: [{ id: 3 }] }],
    invalid: [
      [{ b: { id: 0 } }, [{ instancePath: '/b/id', keyword: 'minimum', schemaPath: '#/$defs/identical_subschemas_compile_once_errors_say_where/properties/b/properties/id/minimum' }]],
      [{ list: [{ id: 1 }, { id: 2, tag: 'long' }] }, [{ instancePath: '/list/1/tag', schemaPath: '#/$defs/identical_subschemas_compile_once_errors_say_where/properties/list/items/properties/tag/maxLength' }]],
      [{ a: {}, b: {} }, [{ instancePath: '/a', keyword: 'required' }, { instancePath: '/b', keyword: 'required' }]],
    ],
  },
  'properties that refer to identical targets': {
    schema: { properties: { x: { $ref: '#/$defs/twinA' }, y: { $ref: '#/$defs/twinB' } } },
    valid: [{ x: { n: 1 }, y: { n: 2 } }],
    invalid: [[{ y: {} }, [{ instancePath: '/y', keyword: 'required', schemaPath: '#/$defs/twinB/required' }]], [{ x: { n: 'a' } }, [{ instancePath: '/x/n', schemaPath: '#/$defs/twinA/properties/n/type' }]]],
  },
  'a very wide object (tables)': {
    schema: {
      type: 'object',
      required: [...Array.from({ length: 34 }, (_, i) => `p${i}`), 'a/b', 'c~d'],
      properties: { ...Object.fromEntries(Array.from({ length: 38 }, (_, i) => [`p${i}`, { type: 'integer', minimum: i }])), 'a/b': { type: 'string' }, 'c~d': { type: 'boolean' }, 'e f': { type: 'string', format: 'date' }, constructor: { type: 'number' } },
      additionalProperties: false,
    },
    valid: [{ ...Object.fromEntries(Array.from({ length: 34 }, (_, i) => [`p${i}`, i])), 'a/b': 'x', 'c~d': true, 'e f': '2024-01-31', constructor: 1 }],
    invalid: [
      [{}, [{ keyword: 'required', message: 'must have required property "p0"' }, { keyword: 'required', message: 'must have required property "c~d"' }]],
      [
        { ...Object.fromEntries(Array.from({ length: 34 }, (_, i) => [`p${i}`, i])), 'a/b': 1, 'c~d': true, 'e f': 'nope', p36: 1, extra: 1 },
        [
          { instancePath: '/a~1b', schemaPath: '#/$defs/a_very_wide_object_tables/properties/a~1b/type' },
          { instancePath: '/e f', schemaPath: '#/$defs/a_very_wide_object_tables/properties/e%20f/format' },
          { instancePath: '/p36', keyword: 'minimum' },
          { keyword: 'additionalProperties', params: { additionalProperty: 'extra' } },
        ],
      ],
      [proto('{"p0":0,"constructor":"x"}')],
    ],
  },
  'OpenAPI keywords are annotations': {
    schema: { type: 'string', example: 1, examples: [1], xml: { name: 'x' }, externalDocs: { url: 'x' }, 'x-vendor': { type: 'number' }, readOnly: true, deprecated: true, title: 't', description: 'd', default: 5 },
    valid: ['a'],
    invalid: [[1]],
  },
};

const defs = {
  ...Object.fromEntries(Object.entries(cases).map(([name, c]) => [name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''), c.schema])),
  tree: { type: 'object', properties: { value: { type: 'number' }, children: { type: 'array', items: { $ref: '#/$defs/tree' } } } },
  holder: { properties: { 'x/y': { items: { type: 'string' } }, 'a~b': { type: 'number' }, 'c d': { type: 'boolean' } } },
  twinA: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } },
  twinB: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } },
};
const root = { $defs: defs };
const key = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');

function matches(errors: ValidationError[], expected: Expected): boolean {
  return errors.some((error) => Object.entries(expected).every(([field, value]) => JSON.stringify(error[field as keyof ValidationError]) === JSON.stringify(value)));
}

async function compile(dialect: Dialect, entries: Record<string, string>, documentRoot: object) {
  const source = await emitValidatorModule(
    Object.entries(entries).map(([name, pointer]) => ({ name, schema: pointer })),
    { root: documentRoot, dialect },
  );
  return (await importModule(source)) as Record<string, Validate | Guard>;
}

function runTable(title: string, table: Record<string, Case>, dialect: Dialect, documentRoot: object, pointerOf: (name: string) => string) {
  describe(title, () => {
    let module: Record<string, Validate | Guard>;
    beforeAll(async () => {
      module = await compile(dialect, Object.fromEntries(Object.keys(table).map((name) => [key(name), pointerOf(name)])), documentRoot);
    });
    for (const [name, c] of Object.entries(table)) {
      it(name, () => {
        const validate = module[`validate${key(name)}`] as Validate;
        const guard = module[`is${key(name)}`] as Guard;
        const schema = pointerOf(name)
          .slice(2)
          .split('/')
          .reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], documentRoot);
        for (const value of c.valid ?? []) {
          expect(validate(value), JSON.stringify(value)).toEqual({ ok: true, value });
          expect(guard(value), JSON.stringify(value)).toBe(true);
          expect(interpret(schema as object, documentRoot, value, dialect)).toEqual([]);
        }
        for (const [value, expected] of c.invalid ?? []) {
          const result = validate(value);
          expect(result.ok, JSON.stringify(value)).toBe(false);
          expect(guard(value), JSON.stringify(value)).toBe(false);
          const errors = result.ok ? [] : result.errors;
          expect(interpret(schema as object, documentRoot, value, dialect)).toEqual(errors);
          for (const error of expected ?? []) expect(matches(errors, error), `${JSON.stringify(error)} in ${JSON.stringify(errors, null, 1)}`).toBe(true);
        }
      });
    }
  });
}

runTable('keywords (2020-12)', cases, '2020-12', root, (name) => `#/$defs/${key(name)}`);

const openapi30: Record<string, Case> = {
  'nullable adds null to type': { schema: { type: 'string', nullable: true }, valid: ['a', null], invalid: [[1, [{ message: 'must be string or null' }]]] },
  'nullable does not extend enum': { schema: { type: 'string', nullable: true, enum: ['a'] }, valid: ['a'], invalid: [[null, [{ keyword: 'enum' }]]] },
  'boolean exclusiveMinimum': { schema: { type: 'number', minimum: 5, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }, valid: [6, 9], invalid: [[5, [{ keyword: 'minimum', message: 'must be > 5' }]], [9.5]] },
  '$ref ignores siblings in 3.0': { schema: { $ref: '#/components/schemas/Str', maxLength: 1 }, valid: ['long string'], invalid: [[1]] },
};
const doc30 = {
  openapi: '3.0.3',
  components: { schemas: { ...Object.fromEntries(Object.entries(openapi30).map(([name, c]) => [key(name), c.schema])), Str: { type: 'string' } } },
};
runTable('OpenAPI 3.0 dialect', openapi30, 'openapi-3.0', doc30, (name) => `#/components/schemas/${key(name)}`);

const pet = (kind: string, extra: Record<string, unknown>) => ({
  type: 'object',
  required: ['kind', ...Object.keys(extra)],
  properties: { kind: { const: kind }, ...extra },
});
const openapi31: Record<string, Case> = {
  'discriminator dispatches on the tag': {
    schema: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
    valid: [{ kind: 'cat', lives: 9 }, { kind: 'dog', bark: 'woof' }],
    invalid: [
      [{ kind: 'cat', bark: 'woof' }, [{ keyword: 'required', message: 'must have required property "lives"', schemaPath: '#/components/schemas/Cat/required' }]],
      [{ kind: 'cow' }, [{ keyword: 'discriminator', instancePath: '/kind', message: 'must be one of "cat", "dog"', params: { tag: 'kind', tagValue: 'cow' } }]],
      [{ lives: 9 }, [{ keyword: 'oneOf' }]],
      ['not an object', [{ keyword: 'oneOf' }]],
    ],
  },
  'discriminator without pinned tags falls back to oneOf': {
    schema: { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'] }], discriminator: { propertyName: 'kind' } },
    valid: [{ kind: 'x', a: 'a' }],
    invalid: [[{ kind: 'x', b: 1 }, [{ keyword: 'oneOf', params: { passingSchemas: [0, 1] } }]]],
  },
};
const doc31 = {
  openapi: '3.1.0',
  components: {
    schemas: {
      ...Object.fromEntries(Object.entries(openapi31).map(([name, c]) => [key(name), c.schema])),
      Cat: pet('cat', { lives: { type: 'integer' } }),
      Dog: pet('dog', { bark: { type: 'string' } }),
    },
  },
};
runTable('OpenAPI 3.1 dialect', openapi31, 'openapi-3.1', doc31, (name) => `#/components/schemas/${key(name)}`);
