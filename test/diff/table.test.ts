// The diff's table: one pair of small specs per check and per equivalence, each with exactly the
// changes expected (id, level, operation, and the node it points at: in the old or the new spec),
// and the semver verdict; where the reverse direction means something, that too. "Exactly" is
// what makes a false alarm fail a test as surely as a miss.
import { describe, expect, it } from 'vitest';
import { allChecks, type Level, type Semver } from '../../generator/diff/checks.ts';
import { diffPair, json, op, post, spec, type Obj } from './support.ts';

/** [id, level, operation, which spec the location is in, JSON pointer there] */
type Expect = [string, Level, string | undefined, 'old' | 'new', string];

interface Case {
  name: string;
  old: Obj;
  new: Obj;
  expect: Expect[];
  semver: Semver;
  reverse?: { expect: Expect[]; semver: Semver };
  format?: 'json' | 'yaml';
}

const P = '/paths/~1pets';
const body = (m = 'post') => `${P}/${m}/requestBody/content/application~1json/schema`;
const res = (status = '200', m = 'get') => `${P}/${m}/responses/${status}/content/application~1json/schema`;
const obj = (properties: Obj, required?: string[], extra: Obj = {}) => ({ type: 'object', properties, ...(required ? { required } : {}), ...extra });
const pets = (getOp: Obj) => ({ '/pets': { get: getOp } });
const postPets = (postOp: Obj) => ({ '/pets': { post: postOp } });
const withParam = (p: Obj) => spec(pets(op('listPets', { parameters: [p] })));
const q = (name: string, schema: Obj, extra: Obj = {}) => ({ name, in: 'query', schema, ...extra });
const G = 'GET /pets';
const PO = 'POST /pets';

/** A, and B: a oneOf of A with X, A with Y (and, with `more`, A with Z). */
const nested = (more = false) => ({
  schemas: {
    A: obj({ ref_name: { type: 'string' } }),
    X: obj({ repo_name: { type: 'string' } }),
    Y: obj({ repo_id: { type: 'integer' } }),
    Z: obj({ repo_property: { type: 'string' } }, ['repo_property']),
    B: {
      type: 'object',
      oneOf: [
        { type: 'object', allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/X' }] },
        { type: 'object', allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Y' }] },
        ...(more ? [{ type: 'object', allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Z' }] }] : []),
      ],
    },
  },
});

const cases: Case[] = [
  // ---- endpoints
  {
    name: 'an operation removed / added',
    old: spec({ '/pets': { get: op('listPets'), post: post('addPet', obj({ name: { type: 'string' } })) } }),
    new: spec(pets(op('listPets'))),
    expect: [['endpoint-removed', 'breaking', PO, 'old', `${P}/post`]],
    semver: 'major',
    reverse: { expect: [['endpoint-added', 'info', PO, 'new', `${P}/post`]], semver: 'minor' },
  },
  {
    name: 'an operation deprecated / reactivated',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('listPets', { deprecated: true }))),
    expect: [['endpoint-deprecated', 'info', G, 'new', `${P}/get`]],
    semver: 'minor',
    reverse: { expect: [['endpoint-reactivated', 'info', G, 'new', `${P}/get`]], semver: 'patch' },
  },
  // ---- parameters
  {
    name: 'a new required parameter / a parameter removed',
    old: spec(pets(op('listPets'))),
    new: withParam(q('limit', { type: 'integer' }, { required: true })),
    expect: [['new-required-request-parameter', 'breaking', G, 'new', `${P}/get/parameters/0`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-removed', 'breaking', G, 'old', `${P}/get/parameters/0`]], semver: 'major' },
  },
  {
    name: 'a new required header parameter',
    old: spec(pets(op('listPets'))),
    new: withParam({ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }),
    expect: [['new-required-request-parameter', 'breaking', G, 'new', `${P}/get/parameters/0`]],
    semver: 'major',
  },
  {
    name: 'a header parameter differing only in case is the same parameter',
    old: withParam({ name: 'X-Tenant', in: 'header', schema: { type: 'string' } }),
    new: withParam({ name: 'x-tenant', in: 'header', schema: { type: 'string' } }),
    expect: [],
    semver: 'none',
  },
  {
    name: 'document-level security added applies to every operation',
    old: spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object' }) } }, { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }),
    new: spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object' }) } }, { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, { security: [{ bearer: [] }] }),
    expect: [
      ['api-security-added', 'breaking', G, 'new', `${P}/get`],
      ['api-security-added', 'breaking', PO, 'new', `${P}/post`],
    ],
    semver: 'major',
  },
  {
    name: 'a new optional parameter',
    old: spec(pets(op('listPets'))),
    new: withParam(q('limit', { type: 'integer' })),
    expect: [['new-optional-request-parameter', 'info', G, 'new', `${P}/get/parameters/0`]],
    semver: 'minor',
  },
  {
    name: 'a parameter became required / optional',
    old: withParam(q('limit', { type: 'integer' })),
    new: withParam(q('limit', { type: 'integer' }, { required: true })),
    expect: [['request-parameter-became-required', 'breaking', G, 'new', `${P}/get/parameters/0`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-became-optional', 'info', G, 'new', `${P}/get/parameters/0`]], semver: 'minor' },
  },
  {
    name: 'a parameter serialised differently',
    old: withParam(q('ids', { type: 'array', items: { type: 'string' } })),
    new: withParam(q('ids', { type: 'array', items: { type: 'string' } }, { explode: false })),
    expect: [['request-parameter-serialization-changed', 'breaking', G, 'new', `${P}/get/parameters/0`]],
    semver: 'major',
  },
  {
    name: 'a parameter maximum decreased / increased',
    old: withParam(q('limit', { type: 'integer', maximum: 100 })),
    new: withParam(q('limit', { type: 'integer', maximum: 50 })),
    expect: [['request-parameter-max-decreased', 'breaking', G, 'new', `${P}/get/parameters/0/schema`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-max-increased', 'info', G, 'new', `${P}/get/parameters/0/schema`]], semver: 'minor' },
  },
  {
    name: 'a parameter minimum set (exclusive)',
    old: withParam(q('limit', { type: 'integer' })),
    new: withParam(q('limit', { type: 'integer', exclusiveMinimum: 0 })),
    expect: [['request-parameter-min-increased', 'breaking', G, 'new', `${P}/get/parameters/0/schema`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-min-decreased', 'info', G, 'new', `${P}/get/parameters/0/schema`]], semver: 'minor' },
  },
  {
    name: 'a parameter enum narrowed / widened',
    old: withParam(q('sort', { type: 'string', enum: ['asc', 'desc'] })),
    new: withParam(q('sort', { type: 'string', enum: ['asc'] })),
    expect: [['request-parameter-enum-value-removed', 'breaking', G, 'new', `${P}/get/parameters/0/schema`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-enum-value-added', 'info', G, 'new', `${P}/get/parameters/0/schema`]], semver: 'minor' },
  },
  {
    name: 'a parameter default changed',
    old: withParam(q('limit', { type: 'integer', default: 10 })),
    new: withParam(q('limit', { type: 'integer', default: 20 })),
    expect: [['request-parameter-default-value-changed', 'warning', G, 'new', `${P}/get/parameters/0/schema`]],
    semver: 'minor',
  },
  {
    name: 'a parameter pattern added / removed',
    old: withParam(q('code', { type: 'string' })),
    new: withParam(q('code', { type: 'string', pattern: '^[A-Z]+$' })),
    expect: [['request-parameter-pattern-added', 'breaking', G, 'new', `${P}/get/parameters/0/schema`]],
    semver: 'major',
    reverse: { expect: [['request-parameter-pattern-removed', 'info', G, 'new', `${P}/get/parameters/0/schema`]], semver: 'minor' },
  },
  // ---- request bodies
  {
    name: 'a required request body added / the body removed',
    old: spec(postPets(op('addPet'))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    expect: [['request-body-added-required', 'breaking', PO, 'new', `${P}/post/requestBody`]],
    semver: 'major',
    reverse: { expect: [['request-body-removed', 'breaking', PO, 'old', `${P}/post/requestBody`]], semver: 'major' },
  },
  {
    name: 'the request body became required / optional',
    old: spec(postPets(op('addPet', { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } }))),
    new: spec(postPets(post('addPet', { type: 'object' }))),
    expect: [['request-body-became-required', 'breaking', PO, 'new', `${P}/post/requestBody`]],
    semver: 'major',
    reverse: { expect: [['request-body-became-optional', 'info', PO, 'new', `${P}/post/requestBody`]], semver: 'minor' },
  },
  {
    name: 'a request media type removed / added',
    old: spec(postPets(op('addPet', { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'application/xml': { schema: { type: 'object' } } } } }))),
    new: spec(postPets(post('addPet', { type: 'object' }))),
    expect: [['request-body-media-type-removed', 'breaking', PO, 'old', `${P}/post/requestBody/content/application~1xml`]],
    semver: 'major',
    // a second media type renames the body validator (validateAddPetBody -> validateAddPetBodyJson)
    reverse: {
      expect: [
        ['request-body-media-type-added', 'info', PO, 'new', `${P}/post/requestBody/content/application~1xml`],
        ['sdk-validator-removed', 'breaking', PO, 'new', `${P}/post`],
      ],
      semver: 'major',
    },
  },
  {
    name: 'a new required request property / a request property removed',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string' }, kind: { type: 'string' } }, ['kind'])))),
    expect: [['new-required-request-property', 'breaking', PO, 'new', `${body()}/properties/kind`]],
    semver: 'major',
    reverse: { expect: [['request-property-removed', 'breaking', PO, 'old', `${body()}/properties/kind`]], semver: 'major' },
  },
  {
    name: 'a new optional request property',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string' }, kind: { type: 'string' } })))),
    expect: [['new-optional-request-property', 'info', PO, 'new', `${body()}/properties/kind`]],
    semver: 'minor',
  },
  {
    name: 'a request property became required / optional',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string' } }, ['name'])))),
    expect: [['request-property-became-required', 'breaking', PO, 'new', `${body()}/properties/name`]],
    semver: 'major',
    reverse: { expect: [['request-property-became-optional', 'info', PO, 'new', `${body()}/properties/name`]], semver: 'minor' },
  },
  {
    name: 'a request property type changed',
    old: spec(postPets(post('addPet', obj({ age: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ age: { type: 'integer' } })))),
    expect: [['request-property-type-changed', 'breaking', PO, 'new', `${body()}/properties/age`]],
    semver: 'major',
    reverse: { expect: [['request-property-type-changed', 'breaking', PO, 'new', `${body()}/properties/age`]], semver: 'major' },
  },
  {
    name: 'a request property type narrowed / widened',
    old: spec(postPets(post('addPet', obj({ age: { type: ['string', 'integer'] } })))),
    new: spec(postPets(post('addPet', obj({ age: { type: 'integer' } })))),
    expect: [['request-property-type-narrowed', 'breaking', PO, 'new', `${body()}/properties/age`]],
    semver: 'major',
    reverse: { expect: [['request-property-type-widened', 'info', PO, 'new', `${body()}/properties/age`]], semver: 'minor' },
  },
  {
    name: 'integer to number is a widening in a request',
    old: spec(postPets(post('addPet', obj({ weight: { type: 'integer' } })))),
    new: spec(postPets(post('addPet', obj({ weight: { type: 'number' } })))),
    expect: [['request-property-type-widened', 'info', PO, 'new', `${body()}/properties/weight`]],
    semver: 'minor',
    reverse: { expect: [['request-property-type-narrowed', 'breaking', PO, 'new', `${body()}/properties/weight`]], semver: 'major' },
  },
  {
    name: 'a request property format added / removed',
    old: spec(postPets(post('addPet', obj({ born: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ born: { type: 'string', format: 'date' } })))),
    expect: [['request-property-format-added', 'breaking', PO, 'new', `${body()}/properties/born`]],
    semver: 'major',
    reverse: { expect: [['request-property-format-removed', 'info', PO, 'new', `${body()}/properties/born`]], semver: 'minor' },
  },
  {
    name: 'a request property maxLength decreased / increased',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string', maxLength: 100 } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string', maxLength: 10 } })))),
    expect: [['request-property-max-length-decreased', 'breaking', PO, 'new', `${body()}/properties/name`]],
    semver: 'major',
    reverse: { expect: [['request-property-max-length-increased', 'info', PO, 'new', `${body()}/properties/name`]], semver: 'minor' },
  },
  {
    name: 'a request array maxItems set, items unique',
    old: spec(postPets(post('addPet', obj({ tags: { type: 'array', items: { type: 'string' } } })))),
    new: spec(postPets(post('addPet', obj({ tags: { type: 'array', items: { type: 'string' }, maxItems: 5, uniqueItems: true } })))),
    expect: [
      ['request-property-max-items-decreased', 'breaking', PO, 'new', `${body()}/properties/tags`],
      ['request-property-unique-items-added', 'breaking', PO, 'new', `${body()}/properties/tags`],
    ],
    semver: 'major',
    reverse: {
      expect: [
        ['request-property-max-items-increased', 'info', PO, 'new', `${body()}/properties/tags`],
        ['request-property-unique-items-removed', 'info', PO, 'new', `${body()}/properties/tags`],
      ],
      semver: 'minor',
    },
  },
  {
    name: 'a request property pattern changed (conservative)',
    old: spec(postPets(post('addPet', obj({ code: { type: 'string', pattern: '^[a-z]+$' } })))),
    new: spec(postPets(post('addPet', obj({ code: { type: 'string', pattern: '^[a-z0-9]+$' } })))),
    expect: [['request-property-pattern-changed', 'breaking', PO, 'new', `${body()}/properties/code`]],
    semver: 'major',
  },
  {
    name: 'a request property multipleOf narrowed / widened',
    old: spec(postPets(post('addPet', obj({ n: { type: 'number', multipleOf: 2 } })))),
    new: spec(postPets(post('addPet', obj({ n: { type: 'number', multipleOf: 4 } })))),
    expect: [['request-property-multiple-of-narrowed', 'breaking', PO, 'new', `${body()}/properties/n`]],
    semver: 'major',
    reverse: { expect: [['request-property-multiple-of-widened', 'info', PO, 'new', `${body()}/properties/n`]], semver: 'minor' },
  },
  {
    name: 'a request body closed to other properties / opened',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string' } }, undefined, { additionalProperties: false })))),
    expect: [['request-body-additional-properties-narrowed', 'breaking', PO, 'new', body()]],
    semver: 'major',
    reverse: { expect: [['request-body-additional-properties-widened', 'info', PO, 'new', body()]], semver: 'minor' },
  },
  {
    name: 'a request property no longer nullable / now nullable',
    old: spec(postPets(post('addPet', obj({ note: { type: ['string', 'null'] } })))),
    new: spec(postPets(post('addPet', obj({ note: { type: 'string' } })))),
    expect: [['request-property-became-not-nullable', 'breaking', PO, 'new', `${body()}/properties/note`]],
    semver: 'major',
    reverse: { expect: [['request-property-became-nullable', 'info', PO, 'new', `${body()}/properties/note`]], semver: 'minor' },
  },
  {
    name: 'a request oneOf alternative removed / added',
    old: spec(postPets(post('addPet', { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })), {
      schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' } }, ['bark']) },
    }),
    new: spec(postPets(post('addPet', { oneOf: [{ $ref: '#/components/schemas/Cat' }] })), { schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' } }, ['bark']) } }),
    expect: [['request-body-one-of-removed', 'breaking', PO, 'old', '/components/schemas/Dog']],
    semver: 'major',
    reverse: { expect: [['request-body-one-of-added', 'info', PO, 'new', '/components/schemas/Dog']], semver: 'minor' },
  },
  {
    name: 'a oneOf alternative changed inside: matched by name, the change reported where it is',
    old: spec(postPets(post('addPet', { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })), {
      schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' } }, ['bark']) },
    }),
    new: spec(postPets(post('addPet', { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })), {
      schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' }, size: { type: 'integer' } }, ['bark', 'size']) },
    }),
    expect: [['new-required-request-property', 'breaking', PO, 'new', '/components/schemas/Dog/properties/size']],
    semver: 'major',
  },
  {
    name: 'a request body wrapped in a oneOf with a new alternative',
    old: spec(postPets(post('addPet', { $ref: '#/components/schemas/Cat' })), { schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' } }, ['bark']) } }),
    new: spec(postPets(post('addPet', { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })), {
      schemas: { Cat: obj({ meow: { type: 'boolean' } }, ['meow']), Dog: obj({ bark: { type: 'boolean' } }, ['bark']) },
    }),
    expect: [['request-body-one-of-added', 'info', PO, 'new', '/components/schemas/Dog']],
    semver: 'minor',
    reverse: { expect: [['request-body-one-of-removed', 'breaking', PO, 'old', '/components/schemas/Dog']], semver: 'major' },
  },
  {
    name: 'nested alternatives (an anyOf of a ref and a oneOf of allOfs), unchanged in 3.0, then a branch added inside',
    old: spec(pets(op('listPets', {}, { type: 'object', properties: { c: { nullable: true, anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } })), nested(), {}, '3.0.3'),
    new: spec(pets(op('listPets', {}, { type: 'object', properties: { c: { nullable: true, anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } })), nested(true), {}, '3.0.3'),
    expect: [['response-property-any-of-added', 'warning', G, 'new', '/components/schemas/Z']],
    semver: 'minor',
    reverse: { expect: [['response-property-any-of-removed', 'info', G, 'old', '/components/schemas/Z']], semver: 'minor' },
  },
  {
    name: 'nested alternatives against themselves: nothing',
    old: spec(pets(op('listPets', {}, { type: 'object', properties: { c: { nullable: true, anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } })), nested(), {}, '3.0.3'),
    new: spec(pets(op('listPets', {}, { type: 'object', properties: { c: { nullable: true, anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } })), nested(), {}, '3.0.3'),
    expect: [],
    semver: 'none',
  },
  {
    name: 'alternatives alike in shape are matched by name, and inline ones by shape: a reorder is no change',
    old: spec(pets(op('listPets', {}, { anyOf: [{ $ref: '#/components/schemas/On' }, { $ref: '#/components/schemas/Off' }, obj({ a: { type: 'string' } }), obj({ b: { type: 'integer' } })] })), {
      schemas: { On: obj({ m: { type: 'string' } }, ['m']), Off: obj({ m: { type: 'string' } }, ['m']) },
    }),
    new: spec(pets(op('listPets', {}, { anyOf: [obj({ b: { type: 'integer' } }), { $ref: '#/components/schemas/Off' }, obj({ a: { type: 'string' } }), { $ref: '#/components/schemas/On' }] })), {
      schemas: { On: obj({ m: { type: 'string' } }, ['m']), Off: obj({ m: { type: 'string' } }, ['m', 'extra']) },
    }),
    // Off gained a required name it does not define (a required, schema-less property): reported on Off, not on its twin
    expect: [['response-property-added', 'info', G, 'new', '/components/schemas/Off']],
    semver: 'minor',
  },
  {
    name: 'an optional request body added',
    old: spec(postPets(op('addPet'))),
    new: spec(postPets(op('addPet', { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } }))),
    expect: [['request-body-added-optional', 'info', PO, 'new', `${P}/post/requestBody`]],
    semver: 'minor',
  },
  {
    name: 'a request property became an enum / no longer one',
    old: spec(postPets(post('addPet', obj({ kind: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ kind: { type: 'string', enum: ['cat', 'dog'] } })))),
    expect: [['request-property-became-enum', 'breaking', PO, 'new', `${body()}/properties/kind`]],
    semver: 'major',
    reverse: { expect: [['request-property-enum-removed', 'info', PO, 'new', `${body()}/properties/kind`]], semver: 'minor' },
  },
  {
    name: 'a request property format changed',
    old: spec(postPets(post('addPet', obj({ at: { type: 'string', format: 'date' } })))),
    new: spec(postPets(post('addPet', obj({ at: { type: 'string', format: 'date-time' } })))),
    expect: [['request-property-format-changed', 'breaking', PO, 'new', `${body()}/properties/at`]],
    semver: 'major',
    reverse: { expect: [['request-property-format-changed', 'breaking', PO, 'new', `${body()}/properties/at`]], semver: 'major' },
  },
  {
    name: 'request minLength and minItems increased / decreased',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string', minLength: 3 }, tags: { type: 'array', items: { type: 'string' }, minItems: 1 } })))),
    expect: [
      ['request-property-min-length-increased', 'breaking', PO, 'new', `${body()}/properties/name`],
      ['request-property-min-items-increased', 'breaking', PO, 'new', `${body()}/properties/tags`],
    ],
    semver: 'major',
    reverse: {
      expect: [
        ['request-property-min-length-decreased', 'info', PO, 'new', `${body()}/properties/name`],
        ['request-property-min-items-decreased', 'info', PO, 'new', `${body()}/properties/tags`],
      ],
      semver: 'minor',
    },
  },
  {
    name: 'request body maxProperties and minProperties set / removed',
    old: spec(postPets(post('addPet', { type: 'object' }))),
    new: spec(postPets(post('addPet', { type: 'object', maxProperties: 5, minProperties: 1 }))),
    expect: [
      ['request-body-max-properties-decreased', 'breaking', PO, 'new', body()],
      ['request-body-min-properties-increased', 'breaking', PO, 'new', body()],
    ],
    semver: 'major',
    reverse: {
      expect: [
        ['request-body-max-properties-increased', 'info', PO, 'new', body()],
        ['request-body-min-properties-decreased', 'info', PO, 'new', body()],
      ],
      semver: 'minor',
    },
  },
  {
    name: 'a keyword the diff does not interpret changed (conservative)',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' } })))),
    new: spec(postPets(post('addPet', obj({ name: { type: 'string', not: { const: 'admin' } } })))),
    expect: [['request-property-schema-changed', 'breaking', PO, 'new', `${body()}/properties/name`]],
    semver: 'major',
    reverse: { expect: [['request-property-schema-changed', 'breaking', PO, 'new', `${body()}/properties/name`]], semver: 'major' },
  },
  {
    name: 'a parameter deprecated',
    old: withParam(q('limit', { type: 'integer' })),
    new: withParam(q('limit', { type: 'integer' }, { deprecated: true })),
    expect: [['deprecation-changed', 'info', undefined, 'new', `${P}/get/parameters/0`]],
    semver: 'patch',
  },
  {
    name: 'a security scheme removed: its client option is gone',
    old: spec(pets(op('listPets')), { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    new: spec(pets(op('listPets'))),
    expect: [['sdk-credential-option-removed', 'breaking', undefined, 'old', '/components/securitySchemes/key']],
    semver: 'major',
  },
  // ---- responses
  {
    name: 'a response property removed / added',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'string' }, name: { type: 'string' } })))),
    new: spec(pets(op('listPets', {}, obj({ id: { type: 'string' } })))),
    expect: [['response-property-removed', 'breaking', G, 'old', `${res()}/properties/name`]],
    semver: 'major',
    reverse: { expect: [['response-property-added', 'info', G, 'new', `${res()}/properties/name`]], semver: 'minor' },
  },
  {
    name: 'a response property became optional / required',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'string' } }, ['id'])))),
    new: spec(pets(op('listPets', {}, obj({ id: { type: 'string' } })))),
    expect: [['response-property-became-optional', 'breaking', G, 'new', `${res()}/properties/id`]],
    semver: 'major',
    reverse: { expect: [['response-property-became-required', 'info', G, 'new', `${res()}/properties/id`]], semver: 'minor' },
  },
  {
    name: 'a response property became nullable / not nullable',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'string' } })))),
    new: spec(pets(op('listPets', {}, obj({ id: { type: ['string', 'null'] } })))),
    expect: [['response-property-became-nullable', 'breaking', G, 'new', `${res()}/properties/id`]],
    semver: 'major',
    reverse: { expect: [['response-property-became-not-nullable', 'info', G, 'new', `${res()}/properties/id`]], semver: 'minor' },
  },
  {
    name: 'a response body became nullable through oneOf [ref, null]',
    old: spec(pets(op('listPets', {}, { $ref: '#/components/schemas/Pet' })), { schemas: { Pet: obj({ id: { type: 'string' } }) } }),
    new: spec(pets(op('listPets', {}, { oneOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] })), { schemas: { Pet: obj({ id: { type: 'string' } }) } }),
    expect: [['response-body-became-nullable', 'breaking', G, 'new', res()]],
    semver: 'major',
  },
  {
    name: 'a response enum value added / removed',
    old: spec(pets(op('listPets', {}, obj({ status: { type: 'string', enum: ['a', 'b'] } })))),
    new: spec(pets(op('listPets', {}, obj({ status: { type: 'string', enum: ['a', 'b', 'c'] } })))),
    expect: [['response-property-enum-value-added', 'warning', G, 'new', `${res()}/properties/status`]],
    semver: 'minor',
    reverse: { expect: [['response-property-enum-value-removed', 'info', G, 'new', `${res()}/properties/status`]], semver: 'minor' },
  },
  {
    name: 'a response type widened',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'integer' } })))),
    new: spec(pets(op('listPets', {}, obj({ id: { type: ['integer', 'string'] } })))),
    expect: [['response-property-type-widened', 'breaking', G, 'new', `${res()}/properties/id`]],
    semver: 'major',
    reverse: { expect: [['response-property-type-narrowed', 'info', G, 'new', `${res()}/properties/id`]], semver: 'minor' },
  },
  {
    name: 'a response oneOf alternative added / removed',
    old: spec(pets(op('listPets', {}, { oneOf: [{ $ref: '#/components/schemas/Cat' }] })), { schemas: { Cat: obj({ meow: { type: 'boolean' } }), Dog: obj({ bark: { type: 'boolean' } }) } }),
    new: spec(pets(op('listPets', {}, { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })), { schemas: { Cat: obj({ meow: { type: 'boolean' } }), Dog: obj({ bark: { type: 'boolean' } }) } }),
    expect: [['response-body-one-of-added', 'warning', G, 'new', '/components/schemas/Dog']],
    semver: 'minor',
    reverse: { expect: [['response-body-one-of-removed', 'info', G, 'old', '/components/schemas/Dog']], semver: 'minor' },
  },
  {
    name: 'a success status removed / added',
    old: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }), '201': json({ type: 'object' }) } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }) } }))),
    expect: [['response-success-status-removed', 'breaking', G, 'old', `${P}/get/responses/201`]],
    semver: 'major',
    reverse: { expect: [['response-success-status-added', 'warning', G, 'new', `${P}/get/responses/201`]], semver: 'minor' },
  },
  {
    name: 'an error status removed / added',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }) } }))),
    expect: [['response-non-success-status-removed', 'warning', G, 'old', `${P}/get/responses/400`]],
    semver: 'minor',
    reverse: { expect: [['response-non-success-status-added', 'info', G, 'new', `${P}/get/responses/400`]], semver: 'minor' },
  },
  {
    name: 'a status moved into its range is the same response on the wire, a renamed validator in the SDK',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('listPets', { responses: { '2XX': json({ type: 'object', properties: { id: { type: 'string' } } }), '400': { description: 'bad' } } }))),
    expect: [['sdk-validator-removed', 'breaking', G, 'new', `${P}/get`]],
    semver: 'major',
  },
  {
    name: 'a response media type removed / added',
    old: spec(pets(op('listPets', { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } } } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }) } }))),
    expect: [['response-media-type-removed', 'breaking', G, 'old', `${P}/get/responses/200/content/text~1csv`]],
    semver: 'major',
    reverse: {
      expect: [
        ['response-media-type-added', 'info', G, 'new', `${P}/get/responses/200/content/text~1csv`],
        ['sdk-validator-removed', 'breaking', G, 'new', `${P}/get`],
      ],
      semver: 'major',
    },
  },
  {
    name: 'a required response header removed / added',
    old: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { required: true, schema: { type: 'integer' } } } }) } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }) } }))),
    expect: [['response-required-header-removed', 'breaking', G, 'old', `${P}/get/responses/200/headers/X-Rate`]],
    semver: 'major',
    reverse: { expect: [['response-header-added', 'info', G, 'new', `${P}/get/responses/200/headers/X-Rate`]], semver: 'minor' },
  },
  {
    name: 'a response header became optional',
    old: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { required: true, schema: { type: 'integer' } } } }) } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { schema: { type: 'integer' } } } }) } }))),
    expect: [['response-header-became-optional', 'breaking', G, 'new', `${P}/get/responses/200/headers/X-Rate`]],
    semver: 'major',
  },
  {
    name: 'an optional response header removed',
    old: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { schema: { type: 'integer' } } } }) } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }) } }))),
    expect: [['response-optional-header-removed', 'warning', G, 'old', `${P}/get/responses/200/headers/X-Rate`]],
    semver: 'minor',
  },
  {
    name: 'a response header type changed',
    old: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { schema: { type: 'integer' } } } }) } }))),
    new: spec(pets(op('listPets', { responses: { '200': json({ type: 'object' }, { headers: { 'X-Rate': { schema: { type: 'string' } } } }) } }))),
    expect: [['response-header-type-changed', 'breaking', G, 'new', `${P}/get/responses/200/headers/X-Rate/schema`]],
    semver: 'major',
  },
  {
    name: 'a response discriminator changed',
    old: spec(pets(op('listPets', {}, { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } })), {
      schemas: { Cat: obj({ kind: { type: 'string' } }, ['kind']), Dog: obj({ kind: { type: 'string' } }, ['kind']) },
    }),
    new: spec(pets(op('listPets', {}, { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'type' } })), {
      schemas: { Cat: obj({ kind: { type: 'string' } }, ['kind']), Dog: obj({ kind: { type: 'string' } }, ['kind']) },
    }),
    // once, though every alternative sees it
    expect: [['response-body-discriminator-changed', 'warning', G, 'new', res()]],
    semver: 'minor',
  },
  // ---- security and servers
  {
    name: 'security requirements added / removed',
    old: spec(pets(op('listPets')), { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    new: spec(pets(op('listPets', { security: [{ key: [] }] })), { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    expect: [['api-security-added', 'breaking', G, 'new', `${P}/get`]],
    semver: 'major',
    reverse: { expect: [['api-security-removed', 'info', G, 'new', `${P}/get`]], semver: 'minor' },
  },
  {
    name: 'a security scope added',
    old: spec(pets(op('listPets', { security: [{ oauth: ['read'] }] })), { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x.example/t', scopes: { read: 'r', write: 'w' } } } } } }),
    new: spec(pets(op('listPets', { security: [{ oauth: ['read', 'write'] }] })), { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x.example/t', scopes: { read: 'r', write: 'w' } } } } } }),
    expect: [['api-security-scope-added', 'breaking', G, 'new', `${P}/get`]],
    semver: 'major',
    reverse: { expect: [['api-security-removed', 'info', G, 'new', `${P}/get`]], semver: 'minor' },
  },
  {
    name: 'an API key moved to another header',
    old: spec(pets(op('listPets', { security: [{ key: [] }] })), { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    new: spec(pets(op('listPets', { security: [{ key: [] }] })), { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } }),
    expect: [['security-scheme-changed', 'breaking', undefined, 'new', '/components/securitySchemes/key']],
    semver: 'major',
  },
  {
    name: 'a server URL changed',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('listPets')), {}, { servers: [{ url: 'https://api2.example.com' }] }),
    expect: [
      ['api-server-url-changed', 'warning', undefined, 'new', '/servers/0'],
      ['api-server-added', 'info', undefined, 'new', '/servers/0'],
    ],
    semver: 'minor',
  },
  // ---- documentation only
  {
    name: 'a description edited',
    old: spec(pets(op('listPets', { description: 'Lists pets.' }, obj({ id: { type: 'string', description: 'The id.' } })))),
    new: spec(pets(op('listPets', { description: 'Lists the pets.' }, obj({ id: { type: 'string', description: 'The pet id.' } })))),
    expect: [
      ['description-changed', 'info', undefined, 'new', `${P}/get`],
      ['description-changed', 'info', undefined, 'new', `${res()}/properties/id`],
    ],
    semver: 'patch',
  },
  {
    name: 'an example edited',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'string', examples: ['a1'] } })))),
    new: spec(pets(op('listPets', {}, obj({ id: { type: 'string', examples: ['b2'] } })))),
    expect: [['example-changed', 'info', undefined, 'new', `${res()}/properties/id`]],
    semver: 'patch',
  },
  // ---- SDK surface
  {
    name: 'an operationId renamed: method, function and types renamed, the wire unchanged',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('findPets'))),
    expect: [
      ['sdk-method-renamed', 'breaking', G, 'new', `${P}/get`],
      ['sdk-function-renamed', 'breaking', G, 'new', `${P}/get`],
      ['sdk-operation-types-renamed', 'breaking', G, 'new', `${P}/get`],
    ],
    semver: 'major',
  },
  {
    name: 'a tag renamed: the method moves to another group',
    old: spec(pets(op('listPets'))),
    new: spec(pets(op('listPets', { tags: ['animals'] }))),
    expect: [['sdk-method-moved', 'breaking', G, 'new', `${P}/get`]],
    semver: 'major',
  },
  {
    name: 'a path parameter renamed: same URL, renamed input field',
    old: spec({ '/pets/{id}': { get: op('getPet', { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }) } }),
    new: spec({ '/pets/{petId}': { get: op('getPet', { parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }] }) } }),
    expect: [['sdk-parameter-renamed', 'breaking', 'GET /pets/{petId}', 'new', '/paths/~1pets~1{petId}/get/parameters/0']],
    semver: 'major',
  },
  {
    name: 'a $ref renamed with identical content: the wire is unchanged, the exported type renamed',
    old: spec(pets(op('listPets', {}, { $ref: '#/components/schemas/Pet' })), { schemas: { Pet: obj({ id: { type: 'string' } }, ['id']) } }),
    new: spec(pets(op('listPets', {}, { $ref: '#/components/schemas/Animal' })), { schemas: { Animal: obj({ id: { type: 'string' } }, ['id']) } }),
    expect: [['sdk-type-renamed', 'breaking', undefined, 'new', '/components/schemas/Animal']],
    semver: 'major',
  },
  {
    name: 'an exported type removed / added',
    old: spec(pets(op('listPets')), { schemas: { Unused: { type: 'string' } } }),
    new: spec(pets(op('listPets'))),
    expect: [['sdk-type-removed', 'breaking', undefined, 'old', '/components/schemas/Unused']],
    semver: 'major',
    reverse: { expect: [['sdk-type-added', 'info', undefined, 'new', '/components/schemas/Unused']], semver: 'minor' },
  },
  {
    name: 'a security scheme renamed: the same credential, a renamed client option',
    old: spec(pets(op('listPets', { security: [{ apiKey: [] }] })), { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    new: spec(pets(op('listPets', { security: [{ appKey: [] }] })), { securitySchemes: { appKey: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    expect: [['sdk-credential-option-renamed', 'breaking', undefined, 'new', '/components/securitySchemes/appKey']],
    semver: 'major',
  },
  // ---- equivalences: no change
  {
    name: '3.0 nullable: true against 3.1 type [x, null]',
    old: spec(pets(op('listPets', {}, obj({ id: { type: 'string', nullable: true } }))), {}, {}, '3.0.3'),
    new: spec(pets(op('listPets', {}, obj({ id: { type: ['string', 'null'] } })))),
    expect: [],
    semver: 'none',
    reverse: { expect: [], semver: 'none' },
    format: 'yaml',
  },
  {
    name: '3.0 boolean exclusiveMaximum and example against 3.1 numeric exclusiveMaximum and examples',
    old: spec(postPets(post('addPet', obj({ n: { type: 'number', maximum: 10, exclusiveMaximum: true, example: 3 } }))), {}, {}, '3.0.3'),
    new: spec(postPets(post('addPet', obj({ n: { type: 'number', exclusiveMaximum: 10, examples: [3] } })))),
    expect: [],
    semver: 'none',
    reverse: { expect: [], semver: 'none' },
  },
  {
    name: 'a property moved into an allOf',
    old: spec(postPets(post('addPet', obj({ name: { type: 'string' }, age: { type: 'integer' } }, ['name'])))),
    new: spec(postPets(post('addPet', { allOf: [obj({ name: { type: 'string' } }, ['name']), obj({ age: { type: 'integer' } })] }))),
    expect: [],
    semver: 'none',
    reverse: { expect: [], semver: 'none' },
  },
  {
    name: 'const against a one-value enum',
    old: spec(postPets(post('addPet', obj({ kind: { const: 'cat' } })))),
    new: spec(postPets(post('addPet', obj({ kind: { enum: ['cat'] } })))),
    expect: [],
    semver: 'none',
  },
  {
    name: 'a recursive schema: unchanged, then changed deep inside',
    old: spec(pets(op('listPets', {}, { $ref: '#/components/schemas/Node' })), { schemas: { Node: obj({ name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) } }),
    new: spec(pets(op('listPets', {}, { $ref: '#/components/schemas/Node' })), { schemas: { Node: obj({ children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) } }),
    expect: [['response-property-removed', 'breaking', G, 'old', '/components/schemas/Node/properties/name']],
    semver: 'major',
  },
  {
    name: 'mutual recursion: a change in A is reported for the operation that returns B as well',
    old: spec({ '/a': { get: op('getA', {}, { $ref: '#/components/schemas/A' }) }, '/b': { get: op('getB', {}, { $ref: '#/components/schemas/B' }) } }, {
      schemas: { A: obj({ x: { type: 'string' }, b: { $ref: '#/components/schemas/B' } }), B: obj({ a: { $ref: '#/components/schemas/A' } }) },
    }),
    new: spec({ '/a': { get: op('getA', {}, { $ref: '#/components/schemas/A' }) }, '/b': { get: op('getB', {}, { $ref: '#/components/schemas/B' }) } }, {
      schemas: { A: obj({ b: { $ref: '#/components/schemas/B' } }), B: obj({ a: { $ref: '#/components/schemas/A' } }) },
    }),
    expect: [
      ['response-property-removed', 'breaking', 'GET /a', 'old', '/components/schemas/A/properties/x'],
      ['response-property-removed', 'breaking', 'GET /b', 'old', '/components/schemas/A/properties/x'],
    ],
    semver: 'major',
  },
  {
    name: 'readOnly properties are not sent: a required one added is a response addition only',
    old: spec({ '/pets': { get: op('listPets', {}, { $ref: '#/components/schemas/Pet' }), post: post('addPet', { $ref: '#/components/schemas/Pet' }) } }, { schemas: { Pet: obj({ name: { type: 'string' } }) } }),
    new: spec({ '/pets': { get: op('listPets', {}, { $ref: '#/components/schemas/Pet' }), post: post('addPet', { $ref: '#/components/schemas/Pet' }) } }, { schemas: { Pet: obj({ name: { type: 'string' }, id: { type: 'string', readOnly: true } }, ['id']) } }),
    expect: [['response-property-added', 'info', G, 'new', '/components/schemas/Pet/properties/id']],
    semver: 'minor',
  },
];

/** The changes as the table writes them. */
async function run(oldSpec: Obj, newSpec: Obj, format: 'json' | 'yaml' = 'json') {
  const r = await diffPair(oldSpec, newSpec, format);
  const rows: Expect[] = r.changes.map((c) => [c.id, c.level, c.operation, c.loc?.file === r.newPath ? 'new' : 'old', c.loc?.pointer ?? '']);
  if (process.env.DIFF_DEBUG) console.log(JSON.stringify(rows));
  return { rows, semver: r.semver };
}

const sorted = (rows: Expect[]) => [...rows].sort((a, b) => a.join('|').localeCompare(b.join('|')));

describe('oaskit diff: the table of spec pairs', () => {
  it('has at least 40 pairs', () => {
    expect(cases.length + cases.filter((c) => c.reverse).length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const forward = await run(c.old, c.new, c.format);
      expect(sorted(forward.rows)).toEqual(sorted(c.expect));
      expect(forward.semver).toBe(c.semver);
      if (c.reverse) {
        const back = await run(c.new, c.old, c.format);
        expect(sorted(back.rows)).toEqual(sorted(c.reverse.expect));
        expect(back.semver).toBe(c.reverse.semver);
      }
    });
  }

  it('every level in the table agrees with the check table', () => {
    const levels = new Map(allChecks().map((c) => [c.id, c.level]));
    for (const c of cases) for (const [id, level] of [...c.expect, ...(c.reverse?.expect ?? [])]) expect([id, levels.get(id)]).toEqual([id, level]);
  });

  it('the same spec against itself: nothing', async () => {
    const s = spec({ '/pets': { get: op('listPets'), post: post('addPet', { $ref: '#/components/schemas/Pet' }) } }, { schemas: { Pet: obj({ name: { type: 'string' } }) } });
    expect((await run(s, s)).rows).toEqual([]);
  });
});

describe('the documented table of checks', () => {
  it('the table above covers every check but the schema ones, and every schema suffix at least once', () => {
    const used = new Set(cases.flatMap((c) => [...c.expect, ...(c.reverse?.expect ?? [])].map((e) => e[0])));
    const suffixesUsed = new Set([...used].map((id) => /^(?:request|response)-(?:body|property|parameter|header)-(.*)$/.exec(id)?.[1]));
    const missing = allChecks().filter((c) => (c.family === 'schemas' ? !suffixesUsed.has(/^(?:request|response)-(?:body|property|parameter|header)-(.*)$/.exec(c.id)![1]) : !used.has(c.id)));
    expect([...new Set(missing.map((c) => (c.family === 'schemas' ? c.id.replace(/^(request|response)-(body|property|parameter|header)-/, '') : c.id)))]).toEqual([]);
  });

  it('README.md names every check with its level', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const levelText = (c: { level: Level; bump: string }) => (c.level === 'info' ? `info (${c.bump})` : c.level);
    for (const c of allChecks()) {
      const m = /^(request|response)-(body|property|parameter|header)-(.*)$/.exec(c.id);
      if (c.family === 'schemas' && m) {
        const row = readme.split('\n').find((l) => l.startsWith(`| \`${m[3]}\` |`));
        expect(row, c.id).toBeDefined();
        const [, , request, response] = row!.split('|').map((x) => x.trim());
        expect(m[1] === 'request' ? request : response, c.id).toBe(levelText(c));
      } else {
        expect(readme, c.id).toContain(`| \`${c.id}\` | ${levelText(c)} |`);
      }
    }
  });
});
