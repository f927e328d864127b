// One table per rule: a spec snippet, and the diagnostics it must give (line:col code message),
// including the cases where the rule must stay quiet.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../generator/diagnostics/diagnose.ts';
import { ruleTable } from '../../generator/rules/index.ts';
import { join } from 'node:path';
import { dedent, diagnosticsOf, writeSpec } from './helpers.ts';

interface Case {
  given: string | Record<string, string>;
  want: string[];
}

/** A 3.1 document: `paths` and `components` blocks are inserted as written (2-space indented). */
function doc(paths: string, components = '', version = '3.1.0'): string {
  return `openapi: ${version}\ninfo:\n  title: T\n  version: '1'\npaths:\n${dedent(paths).replace(/^(?=.)/gm, '  ')}\n${components ? `components:\n${dedent(components).replace(/^(?=.)/gm, '  ')}\n` : ''}`;
}

// line 5 is `paths:`, so the first path template is on line 6
const okResponses = `
    responses:
      '200': { description: ok }
      default: { description: error }`;

function table(code: string, cases: [string, Case][]) {
  describe(code, () => {
    it.each(cases)('%s', async (_, { given, want }) => {
      const got = await diagnosticsOf(given, [code]);
      if (process.env.SHOW) console.log(JSON.stringify(got));
      expect(got).toEqual(want);
    });
  });
}

table('ref-dangling', [
  ['a ref to a missing component', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        $ref: '#/components/responses/Nope'`), want: ['11:17 ref-dangling $ref "#/components/responses/Nope" points to nothing: no "components" at /'] }],
  ['a ref into another file that lacks the pointer', { given: { 'openapi.yaml': doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        $ref: 'other.yaml#/Missing'`), 'other.yaml': 'Ok:\n  description: ok\n' }, want: ['11:17 ref-dangling $ref "other.yaml#/Missing" points to nothing: no "Missing" at /'] }],
  ['a sound ref', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        $ref: '#/components/responses/Ok'`, `responses:\n  Ok:\n    description: ok`), want: [] }],
]);

table('ref-wrong-kind', [
  ['a response that names the Paths object', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '500':\n        $ref: '#/paths'`), want: ['11:17 ref-wrong-kind $ref "#/paths" names the Paths object, where a Response is expected'] }],
  ['a schema that names a parameter', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/parameters/P'`, `parameters:\n  P:\n    name: p\n    in: query\n    schema: { type: string }`), want: ['15:23 ref-wrong-kind $ref "#/components/parameters/P" names a Parameter, where a schema is expected'] }],
  ['a schema that names a schema inside a parameter, and a response ref to a response', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/parameters/P/schema'\n      default:\n        $ref: '#/components/responses/E'`, `parameters:\n  P:\n    name: p\n    in: query\n    schema: { type: string }\nresponses:\n  E:\n    description: error`), want: [] }],
]);

table('limit-ref-depth', [
  ['600 components each nesting the next', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/C0'`, `schemas:\n${Array.from({ length: 600 }, (_, i) => `  C${i}: { type: object, properties: { n: { $ref: '#/components/schemas/C${i + 1}' } } }`).join('\n')}\n  C600: { type: string }`), want: ['15:23 limit-ref-depth through $refs, schemas nest up to 1,809 levels deep from here, more than the 500 other tools can walk'] }],
  ['100 components each nesting the next, in a cycle', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/C0'`, `schemas:\n${Array.from({ length: 100 }, (_, i) => `  C${i}: { type: object, properties: { n: { $ref: '#/components/schemas/C${(i + 1) % 100}' } } }`).join('\n')}`), want: [] }],
]);

// found by the mutation fuzz: check passed what generate refused (a tab inside a property name)
table('model', [
  ['an x-oaskit-segment-call naming a property the body lacks', { given: doc(`/e/{user_id}:\n  post:\n    operationId: track\n    x-oaskit-segment-call: { call: track, userId: user_id, event: name, timestamp: timestamp }\n    parameters:\n      - { name: user_id, in: path, required: true, schema: { type: string } }\n    requestBody:\n      content:\n        application/json:\n          schema: { type: object, properties: { name: { type: string }, "time\\tstamp": { type: string } } }${okResponses}`), want: ['9:30 model x-oaskit-segment-call: `timestamp` must name a property of the JSON body'] }],
  ['the same with the property', { given: doc(`/e/{user_id}:\n  post:\n    operationId: track\n    x-oaskit-segment-call: { call: track, userId: user_id, event: name, timestamp: timestamp }\n    parameters:\n      - { name: user_id, in: path, required: true, schema: { type: string } }\n    requestBody:\n      content:\n        application/json:\n          schema: { type: object, properties: { name: { type: string }, timestamp: { type: string } } }${okResponses}`), want: [] }],
]);

table('ref-unsafe', [
  ['a URL', { given: doc(`/a:\n  get:\n    responses:\n      '200':\n        $ref: 'https://example.com/r.yaml'`), want: ["10:17 ref-unsafe $ref \"https://example.com/r.yaml\" points to a URL; oaskit resolves refs only inside the spec's folder and never fetches"] }],
  ['climbing out of the folder', { given: doc(`/a:\n  get:\n    responses:\n      '200':\n        $ref: '../secret.yaml'`), want: ["10:17 ref-unsafe $ref \"../secret.yaml\" climbs out of the spec's folder; refs must stay inside it"] }],
]);

table('ref-not-found', [
  ['a missing file', { given: doc(`/a:\n  get:\n    responses:\n      '200':\n        $ref: 'nothing.yaml'`), want: ['10:17 ref-not-found $ref "nothing.yaml": nothing.yaml: no such file'] }],
]);

table('operation-id-missing', [
  ['no operationId', { given: doc(`/a:\n  get:${okResponses}`), want: ['7:5 operation-id-missing GET /a has no operationId'] }],
  ['an operationId', { given: doc(`/a:\n  get:\n    operationId: getA${okResponses}`), want: [] }],
  ['callbacks need none', { given: doc(`/a:\n  post:\n    operationId: a\n    callbacks:\n      done:\n        '{$request.body#/url}':\n          post:\n            responses:\n              '200': { description: ok }${okResponses}`), want: [] }],
]);

table('operation-id-duplicate', [
  [
    'two operations, one id',
    { given: doc(`/a:\n  get:\n    operationId: same${okResponses}\n/b:\n  get:\n    operationId: same${okResponses}`), want: ["14:20 operation-id-duplicate operationId 'same' of GET /b is already used by GET /a"] },
  ],
  ['distinct ids', { given: doc(`/a:\n  get:\n    operationId: one${okResponses}\n/b:\n  get:\n    operationId: two${okResponses}`), want: [] }],
]);

table('path-param-undeclared', [
  ['declared nowhere', { given: doc(`/pets/{id}:\n  get:\n    operationId: a${okResponses}`), want: ["6:3 path-param-undeclared path parameter 'id' of /pets/{id} is not declared (no parameter with in: path and name: id)"] }],
  [
    'declared by one operation of two',
    {
      given: doc(`/pets/{id}:\n  get:\n    operationId: a\n    parameters:\n      - { name: id, in: path, required: true, schema: { type: string } }${okResponses}\n  delete:\n    operationId: b${okResponses}`),
      want: ["14:5 path-param-undeclared path parameter 'id' of /pets/{id} is not declared by DELETE"],
    },
  ],
  ['declared at the path level', { given: doc(`/pets/{id}:\n  parameters:\n    - { name: id, in: path, required: true, schema: { type: string } }\n  get:\n    operationId: a${okResponses}`), want: [] }],
  [
    'declared through a $ref',
    { given: doc(`/pets/{id}:\n  get:\n    operationId: a\n    parameters:\n      - $ref: '#/components/parameters/Id'${okResponses}`, `parameters:\n  Id: { name: id, in: path, required: true, schema: { type: string } }`), want: [] },
  ],
]);

table('path-param-unused', [
  [
    'a path parameter the template lacks',
    { given: doc(`/pets/{id}:\n  get:\n    operationId: a\n    parameters:\n      - { name: id, in: path, required: true, schema: { type: string } }\n      - name: petId\n        in: path\n        required: true\n        schema: { type: string }${okResponses}`), want: ["11:17 path-param-unused path parameter 'petId' is not in the path template /pets/{id}"] },
  ],
  ['a query parameter is not a path parameter', { given: doc(`/pets:\n  get:\n    operationId: a\n    parameters:\n      - { name: id, in: query, schema: { type: string } }${okResponses}`), want: [] }],
]);

table('operation-no-error-response', [
  ['only 2XX', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200': { description: ok }`), want: ['9:7 operation-no-error-response GET /a has no error response (4XX, 5XX or default)'] }],
  ['a 4XX range', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200': { description: ok }\n      4XX: { description: client error }`), want: [] }],
  ['a 500', { given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '500': { description: broken }`), want: [] }],
]);

table('component-unused', [
  [
    'a schema and a security scheme nobody uses',
    {
      given: doc(`/a:\n  get:\n    operationId: a${okResponses}`, `schemas:\n  Lonely: { type: string }\n  Self:\n    type: object\n    properties:\n      next: { $ref: '#/components/schemas/Self' }\nsecuritySchemes:\n  Key: { type: apiKey, in: header, name: X-Key }`),
      want: ["14:5 component-unused schema 'Lonely' is never used: nothing refers to it", "15:5 component-unused schema 'Self' is never used: nothing refers to it", "20:5 component-unused security scheme 'Key' is never used: no security requirement names it"],
    },
  ],
  [
    'used by a ref, a discriminator mapping, a security requirement',
    {
      given: doc(`/a:\n  get:\n    operationId: a\n    security: [{ Key: [] }]\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Pet' }\n      default: { description: error }`, `schemas:\n  Pet:\n    oneOf: [{ $ref: '#/components/schemas/Cat' }]\n    discriminator:\n      propertyName: kind\n      mapping: { dog: Dog }\n  Cat: { type: object }\n  Dog: { type: object }\nsecuritySchemes:\n  Key: { type: apiKey, in: header, name: X-Key }`),
      want: [],
    },
  ],
  ['a library of components (no paths) is not checked', { given: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\ncomponents:\n  schemas:\n    A: { type: string }\n`, want: [] }],
]);

table('security-scheme-unknown', [
  [
    'a requirement naming an undeclared scheme',
    { given: doc(`/a:\n  get:\n    operationId: a\n    security:\n      - Token: []${okResponses}`, `securitySchemes:\n  Key: { type: apiKey, in: header, name: X-Key }`), want: ["10:11 security-scheme-unknown security scheme 'Token' is not declared in components/securitySchemes (declared: Key)"] },
  ],
  ['the document-level requirement', { given: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\nsecurity:\n  - Basic: []\npaths: {}\n`, want: ["4:5 security-scheme-unknown security scheme 'Basic' is not declared in components/securitySchemes (none is declared)"] }],
]);

table('enum-type-mismatch', [
  ['a number among strings', { given: doc(`{}`, `schemas:\n  Color:\n    type: string\n    enum: [red, 3, blue]`), want: ['11:19 enum-type-mismatch enum value 3 is not of type string'] }],
  ['null allowed by a type list', { given: doc(`{}`, `schemas:\n  Color:\n    type: [string, 'null']\n    enum: [red, null]`), want: [] }],
  ['3.0 nullable allows null', { given: doc(`{}`, `schemas:\n  Color:\n    type: string\n    nullable: true\n    enum: [red, null]`, '3.0.3'), want: [] }],
  ['an integer is a number, 1.5 is not an integer', { given: doc(`{}`, `schemas:\n  N:\n    type: integer\n    enum: [1, 1.5]`), want: ['11:17 enum-type-mismatch enum value 1.5 is not of type integer'] }],
]);

table('limit-contradiction', [
  [
    'min above max',
    { given: doc(`{}`, `schemas:\n  S:\n    type: string\n    minLength: 5\n    maxLength: 3\n  A:\n    type: array\n    minItems: 2\n    maxItems: 1\n  N:\n    type: number\n    minimum: 10\n    maximum: 1`), want: ['11:18 limit-contradiction minLength 5 is greater than maxLength 3: no value can match', '15:17 limit-contradiction minItems 2 is greater than maxItems 1: no value can match', '19:16 limit-contradiction minimum 10 is greater than maximum 1: no number can match'] },
  ],
  ['exclusive bounds that meet', { given: doc(`{}`, `schemas:\n  N:\n    type: number\n    exclusiveMinimum: 5\n    maximum: 5`), want: ['11:25 limit-contradiction exclusiveMinimum 5 equals maximum 5: no number can match'] }],
  ['3.0 boolean exclusiveMinimum', { given: doc(`{}`, `schemas:\n  N:\n    type: number\n    minimum: 5\n    exclusiveMinimum: true\n    maximum: 5`, '3.0.3'), want: ['11:16 limit-contradiction minimum 5 equals maximum 5: no number can match'] }],
  ['equal inclusive bounds are fine', { given: doc(`{}`, `schemas:\n  N:\n    type: number\n    minimum: 5\n    maximum: 5`), want: [] }],
]);

table('required-undefined', [
  ['a typo', { given: doc(`{}`, `schemas:\n  Pet:\n    type: object\n    required: [name, nmae]\n    properties:\n      name: { type: string }`), want: ["11:24 required-undefined required property 'nmae' is not defined in properties"] }],
  ['open to other properties', { given: doc(`{}`, `schemas:\n  Pet:\n    type: object\n    required: [extra]\n    properties:\n      name: { type: string }\n    additionalProperties: { type: string }`), want: [] }],
  [
    'defined by a sibling of an allOf',
    { given: doc(`{}`, `schemas:\n  Base:\n    type: object\n    properties:\n      id: { type: integer }\n  Pet:\n    allOf:\n      - $ref: '#/components/schemas/Base'\n      - type: object\n        required: [id, name]\n        properties:\n          name: { type: string }`), want: [] },
  ],
  [
    'a mixin used inside an allOf elsewhere',
    { given: doc(`{}`, `schemas:\n  Named:\n    type: object\n    required: [id]\n    properties:\n      name: { type: string }\n  Pet:\n    allOf:\n      - $ref: '#/components/schemas/Named'\n      - type: object\n        properties:\n          id: { type: integer }`), want: [] },
  ],
  ['defined by patternProperties', { given: doc(`{}`, `schemas:\n  Tags:\n    type: object\n    required: [x-a]\n    properties:\n      name: { type: string }\n    patternProperties:\n      '^x-': { type: string }`), want: [] }],
]);

table('example-invalid', [
  [
    'many problems in one example: one diagnostic at the example, the first ones named',
    {
      given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Pet' }\n            example: { a: x, b: x, c: x, d: x, e: x }\n      default: { description: error }`, `schemas:\n  Pet:\n    type: object\n    properties:\n      a: { type: integer }\n      b: { type: integer }\n      c: { type: integer }\n      d: { type: integer }\n      e: { type: integer }`),
      want: ['15:24 example-invalid example has 5 problems: at /a must be an integer; at /b must be an integer; at /c must be an integer; and 2 more'],
    },
  ],
  [
    'a media type example, pointing at the bad value',
    {
      given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Pet' }\n            example:\n              id: seven\n              name: Rex\n      default: { description: error }`, `schemas:\n  Pet:\n    type: object\n    required: [id, name]\n    properties:\n      id: { type: integer }\n      name: { type: string }`),
      want: ['16:21 example-invalid example at /id must be an integer'],
    },
  ],
  [
    'a missing required property, at the example',
    {
      given: doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Pet' }\n            examples:\n              rex:\n                value: { name: Rex }\n      default: { description: error }`, `schemas:\n  Pet:\n    type: object\n    required: [id, name]\n    properties:\n      id: { type: integer }\n      name: { type: string }`),
      want: ["17:19 example-invalid example 'rex' must have required property 'id'"],
    },
  ],
  [
    'a readOnly property is not required in a request',
    {
      given: doc(`/a:\n  post:\n    operationId: a\n    requestBody:\n      content:\n        application/json:\n          schema: { $ref: '#/components/schemas/Pet' }\n          example: { name: Rex }${okResponses}`, `schemas:\n  Pet:\n    type: object\n    required: [id, name]\n    properties:\n      id: { type: integer, readOnly: true }\n      name: { type: string }`),
      want: [],
    },
  ],
  [
    'a schema in another file',
    {
      given: {
        'openapi.yaml': doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: 'schemas.yaml#/Pet' }\n            example: { id: 1, name: 7 }\n      default: { description: error }`),
        'schemas.yaml': 'Pet:\n  type: object\n  properties:\n    id: { type: integer }\n    name: { type: string }\n',
      },
      want: ['15:39 example-invalid example at /name must be a string'],
    },
  ],
  [
    'a schema in a subfolder whose refs go on to a third file',
    {
      given: {
        'openapi.yaml': doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: 'sub/pet.yaml#/Pet' }\n            example: { id: 1, owner: { name: 7 } }\n      default: { description: error }`),
        'sub/pet.yaml': "Pet:\n  type: object\n  properties:\n    id: { type: integer }\n    owner: { $ref: 'owner.yaml' }\n",
        'sub/owner.yaml': 'type: object\nproperties:\n  name: { type: string }\n',
      },
      want: ['15:48 example-invalid example at /owner/name must be a string'],
    },
  ],
  // 3.0: `nullable` does not add null to an `enum` (the validators' reading): the same verdict in one file and across files
  ['3.0 nullable enum, one file', { given: doc(`{}`, `schemas:\n  Size:\n    type: string\n    nullable: true\n    enum: [s, m]\n    example: null`, '3.0.3'), want: ['13:16 example-invalid example must be one of: "s", "m"'] }],
  [
    '3.0 nullable enum, across files',
    {
      given: {
        'openapi.yaml': doc(`/a:\n  get:\n    operationId: a\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: { $ref: 'size.yaml' }\n            example: null\n      default: { description: error }`, undefined, '3.0.3'),
        'size.yaml': 'type: string\nnullable: true\nenum: [s, m]\n',
      },
      want: ['15:24 example-invalid example must be one of: "s", "m"'],
    },
  ],
  ['a schema-level example', { given: doc(`{}`, `schemas:\n  Size:\n    type: integer\n    minimum: 1\n    examples: [3, 0]`), want: ['12:21 example-invalid examples[1] must be >= 1'] }],
  ['3.0 nullable example', { given: doc(`{}`, `schemas:\n  Name:\n    type: string\n    nullable: true\n    example: null`, '3.0.3'), want: [] }],
  [
    'a serialised form body is not compared',
    { given: doc(`/a:\n  post:\n    operationId: a\n    requestBody:\n      content:\n        application/x-www-form-urlencoded:\n          schema: { type: object, properties: { a: { type: string } } }\n          example: a=1&b=2${okResponses}`), want: [] },
  ],
]);

describe('provenance-guess (opt-in)', () => {
  const spec = {
    'openapi.yaml': `openapi: 3.1.0
info:
  title: T
  version: '1'
  x-oaskit-note: 'Guess: the version.'
paths:
  /a:
    get:
      operationId: a
      x-oaskit-evidence:
        - 'Document (SEED 1): the path.'
        - 'Guess (SEED 1; a listing): the order.'
      parameters:
        - name: q
          in: query
          x-oaskit-note: >-
            Guess: the name
            of it.
          schema:
            type: string
            x-oaskit-evidence: "Decision (A; B): string."
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Thing' }
        default: { description: error }
`,
    'schemas.yaml': `Thing:
  type: object
  properties:
    p:
      type: string
      x-oaskit-evidence: 'Guess: ${'a long text '.repeat(20).trim()}.'
    q:
      type: string
      x-oaskit-note: 'The document says so.'
`,
  };
  const on = { rules: { 'provenance-guess': 'info' as const } };

  it('is off by default', async () => {
    expect(await diagnosticsOf(spec, ['provenance-guess'])).toEqual([]);
  });

  it('lists each guess at its text, in every file, once enabled', async () => {
    const long = 'a long text '.repeat(20).trim() + '.';
    expect(await diagnosticsOf(spec, ['provenance-guess'], on)).toEqual([
      '5:18 provenance-guess guess: the version.',
      '12:11 provenance-guess guess (from SEED 1; a listing): the order.',
      '16:26 provenance-guess guess: the name of it.',
      `schemas.yaml:6:26 provenance-guess guess: ${long.slice(0, 159).trimEnd()}…`,
    ]);
  });

  it('reports with the configured severity', async () => {
    const dir = writeSpec(spec);
    const result = await diagnose(join(dir, 'openapi.yaml'), { config: { rules: { 'provenance-guess': 'warning' } } });
    expect(result.diagnostics.filter((d) => d.code === 'provenance-guess').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('is enabled by the config file next to the spec', async () => {
    const dir = writeSpec({ ...spec, 'oaskit.config.json': JSON.stringify(on) });
    const result = await diagnose(join(dir, 'openapi.yaml'));
    expect(result.diagnostics.filter((d) => d.code === 'provenance-guess')).toHaveLength(4);
  });
});

table('oas-schema', [
  ['a missing info.title, at the info key', { given: `openapi: 3.1.0\ninfo:\n  version: '1'\npaths: {}\n`, want: ["2:1 oas-schema /info must have required property 'title'"] }],
  ['an unknown property, at its key', { given: `openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n  colour: blue\npaths: {}\n`, want: ["5:3 oas-schema /info has unknown property 'colour'"] }],
  [
    'a parameter missing both schema and content',
    { given: doc(`/a:\n  get:\n    operationId: a\n    parameters:\n      - name: q\n        in: query${okResponses}`), want: ["10:11 oas-schema /paths/~1a/get/parameters/0 must have one of 'schema' or 'content'"] },
  ],
  [
    'an error inside a file reached by a $ref, located in that file',
    {
      given: { 'openapi.yaml': doc(`/a:\n  $ref: 'paths/a.yaml'`), 'paths/a.yaml': `get:\n  operationId: a\n  responses:\n    '200':\n      description: ok\n  sumary: typo\n` },
      want: ["paths/a.yaml:6:3 oas-schema /get has unknown property 'sumary'; did you mean 'summary'?"],
    },
  ],
  ['a bad schema type', { given: doc(`{}`, `schemas:\n  A:\n    type: strin`), want: ['10:13 oas-schema /components/schemas/A/type must be one of: "array", "boolean", "integer", "null", "number", "object", "string"; did you mean \'string\'?'] }],
  ['3.0: a path parameter must be required', { given: doc(`/a/{x}:\n  get:\n    operationId: a\n    parameters:\n      - { name: x, in: path, required: false, schema: { type: string } }${okResponses}`, '', '3.0.3'), want: ['10:42 oas-schema /paths/~1a~1{x}/get/parameters/0/required must be true'] }],
]);

table('key-misspelt', [
  ['typ in a schema', { given: doc(`{}`, `schemas:\n  A:\n    typ: string`), want: ["10:7 key-misspelt 'typ' is not a schema keyword (validators ignore it); did you mean 'type'?"] }],
  ['a swapped pair, in a property', { given: doc(`{}`, `schemas:\n  A:\n    type: object\n    properties:\n      n:\n        type: string\n        maxLenght: 3`), want: ["14:11 key-misspelt 'maxLenght' is not a schema keyword (validators ignore it); did you mean 'maxLength'?"] }],
  ['another case', { given: doc(`{}`, `schemas:\n  A:\n    type: object\n    additionalproperties: false`), want: ["11:7 key-misspelt 'additionalproperties' is not a schema keyword (validators ignore it); did you mean 'additionalProperties'?"] }],
  ['quiet: keywords, extensions, a property named like a keyword, words far from any keyword', { given: doc(`{}`, `schemas:\n  A:\n    type: object\n    x-typ: 1\n    properties:\n      typ: { type: string }\n    widgetry: 1`), want: [] }],
]);

describe('the rule table', () => {
  it('has one entry per rule id, each with a description', () => {
    const ids = ruleTable.map((e) => e.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of ruleTable) expect(e.rule.description).toMatch(/\.$/);
  });

  it('leaves the appcues and appboy specs without errors', async () => {
    for (const name of ['appcues', 'appboy']) {
      const path = fileURLToPath(new URL(`../../spec/${name}.yaml`, import.meta.url));
      if (!existsSync(path)) continue;
      const result = await diagnose(path, { config: null });
      const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer} ${d.message}`);
      expect(errors, name).toEqual([]);
    }
  });
});

table('rate-limit-invalid', [
  ['a budget without its window', { given: `openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\nx-oaskit-rate-limit: { limit: 10 }\npaths: {}\n`, want: ['5:22 rate-limit-invalid x-oaskit-rate-limit: give `limit` and `window` together (or neither, to join a bucket declared elsewhere)'] }],
  ['a negative limit on a tag', { given: `openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\ntags:\n  - name: a\n    x-oaskit-rate-limit: { limit: -1, window: 60 }\npaths: {}\n`, want: ['7:35 rate-limit-invalid x-oaskit-rate-limit: `limit` must be a whole number of requests, at least 1'] }],
  ['a sound budget, a bucket joined, and false', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-rate-limit: { bucket: b, limit: 5, window: 1 }${okResponses}\n/b:\n  get:\n    operationId: b\n    x-oaskit-rate-limit: { bucket: b }${okResponses}\n/c:\n  get:\n    operationId: c\n    x-oaskit-rate-limit: false${okResponses}`), want: [] }],
]);

table('pagination-invalid', [
  ['no style, no items', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-pagination: { param: page }${okResponses}`), want: ['9:28 pagination-invalid x-oaskit-pagination: `items` must say where the items are in the success body (a JSON pointer)', '9:28 pagination-invalid x-oaskit-pagination: `style` must be one of page, offset, cursor, link'] }],
  ['a cursor without next', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-pagination: { style: cursor, param: c, items: /data }${okResponses}`), want: ['9:28 pagination-invalid x-oaskit-pagination: a `cursor` style needs `next`, the JSON pointer to the next cursor in the success body'] }],
  ['items that are not a pointer', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-pagination: { style: page, param: p, items: data }${okResponses}`), want: ['9:60 pagination-invalid x-oaskit-pagination: `items` "data" is not a JSON pointer (it begins with "/", or is "" for the body itself)'] }],
  ['a sound declaration', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-pagination: { style: offset, param: offset, items: '' }${okResponses}`), want: [] }],
]);

table('download-invalid', [
  ['a url that is not a pointer', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-download: { url: 7 }${okResponses}`), want: ['9:33 download-invalid x-oaskit-download: `url` must be a JSON pointer into the success body (such as "/data" or "" for the body itself)'] }],
  ['an unknown member', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-download: { href: /url }${okResponses}`), want: ['9:26 download-invalid x-oaskit-download: `url` must say where the download URL is in the success body (a JSON pointer)', '9:34 download-invalid x-oaskit-download has no member "href" (url)'] }],
  ['true and a URL', { given: doc(`/a:\n  get:\n    operationId: a\n    x-oaskit-download: true${okResponses}\n/b:\n  get:\n    operationId: b\n    x-oaskit-download: { url: /url }${okResponses}`), want: [] }],
]);
