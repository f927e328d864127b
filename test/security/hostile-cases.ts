// The hostile and malformed specs of the security review (issue 15), each with what `check` must
// say (exit code and a positioned diagnostic) and whether `generate` builds it. Shared by the
// command tests (hostile-specs.test.ts) and the language server test (test/lsp/hostile.test.ts).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HostileCase {
  name: string;
  /** files relative to the case's folder; `spec/api.*` is the root */
  files: Record<string, string>;
  /** symbolic links: path in the folder -> what it points to (relative) */
  links?: Record<string, string>;
  root: string;
  /** check's exit code and the diagnostics it must print (`file:line:col - error code`) */
  check: { exit: 0 | 1 | 2; says: RegExp[] };
  /** true when the spec is fine to generate (then the output must parse) */
  generates: boolean;
  /** whether `docs` writes the reference (default: as `generates`) */
  docs?: boolean;
}

const response = (schema: string, extra = '') => `openapi: 3.1.0
info: { title: hostile, version: '1' }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${schema}
${extra}`;

function components(count: number, entry: (i: number) => string): string {
  let s = 'components:\n  schemas:\n';
  for (let i = 0; i < count; i++) s += `    C${i}: ${entry(i)}\n`;
  return s;
}

function nestedJson(depth: number, leaf: string, wrap: (inner: string) => string): string {
  let s = leaf;
  for (let i = 0; i < depth; i++) s = wrap(s);
  return s;
}

const jsonSpec = (media: string) =>
  `{"openapi":"3.1.0","info":{"title":"hostile","version":"1"},"paths":{"/a":{"get":{"operationId":"getA","responses":{"200":{"description":"ok","content":{"application/json":${media}}}}}}}}`;

export const hostileCases: HostileCase[] = [
  {
    name: 'a $ref to a symbolic link in the folder that leads outside it',
    files: { 'outside/secret.yaml': 'Secret:\n  type: object\n  description: TOP-SECRET-OUTSIDE\n', 'spec/api.yaml': response(`{ $ref: 'link.yaml#/Secret' }`) },
    links: { 'spec/link.yaml': '../outside/secret.yaml' },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error ref-unsafe: \$ref "link\.yaml#\/Secret": link\.yaml is a symbolic link to a file outside the spec's folder/] },
    generates: false,
  },
  {
    name: '/* and */ in every kind of description',
    files: {
      'spec/api.yaml': `openapi: 3.1.0
info: { title: "t /* x", version: '1', description: "/* open, */ close, /** doc" }
tags: [ { name: pets, description: "a /* tag */" } ]
paths:
  /a/{id}:
    get:
      operationId: getA
      summary: "summary /* */ */ /*"
      description: "ends with /*"
      tags: [pets]
      parameters:
        - { name: id, in: path, required: true, description: "*/ id /*", schema: { type: string, description: "/*/", pattern: "^/\\\\*$" } }
      responses:
        '200':
          description: "ok */"
          headers: { X-Rate: { description: "/* rate */", schema: { type: integer } } }
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
components:
  schemas:
    Pet:
      title: "Pet /*"
      description: "a pet /* with */ comments */ and /** JSDoc @param x */"
      type: object
      properties:
        "*/name": { type: string, description: "/*", enum: ["/*", "*/"] }
        kind: { type: string, default: "*/", examples: ["/* e */"] }
`,
    },
    root: 'spec/api.yaml',
    check: { exit: 0, says: [] },
    generates: true,
  },
  {
    name: "$ref: '#' (the whole document as a schema)",
    files: { 'spec/api.yaml': response(`{ $ref: '#' }`) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error ref-wrong-kind: \$ref "#" names the whole OpenAPI document, where a schema is expected/] },
    generates: false,
  },
  {
    name: 'components, properties, headers and parameters named after Object.prototype',
    files: {
      'spec/api.yaml': response(
        `{ $ref: '#/components/schemas/hasOwnProperty' }`,
        `components:
  schemas:
    hasOwnProperty:
      type: object
      properties:
        constructor: { $ref: '#/components/schemas/constructor' }
        __proto__: { type: string }
        valueOf: { type: object, properties: { toString: { type: integer } }, default: { toString: 1 } }
        toString: { $ref: '#/components/schemas/toString' }
    constructor: { type: string, enum: [constructor, __proto__] }
    __proto__: { type: integer }
    toString: { type: object, properties: { n: { $ref: '#/components/schemas/__proto__' } } }
`,
      ).replace("      operationId: getA\n", "      operationId: getA\n      parameters: [ { name: constructor, in: query, schema: { type: string } } ]\n"),
    },
    root: 'spec/api.yaml',
    check: { exit: 0, says: [] },
    generates: true,
  },
  {
    name: 'a chain of 3,000 $refs to $refs',
    files: { 'spec/api.yaml': response(`{ $ref: '#/components/schemas/C0' }`, components(3001, (i) => (i === 3000 ? '{ type: string }' : `{ $ref: '#/components/schemas/C${i + 1}' }`))) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error limit-ref-chain: \$ref "#\/components\/schemas\/C0" starts a chain of more than 64 \$refs/] },
    generates: false,
  },
  {
    name: '5,000 components that are $refs in a cycle',
    files: { 'spec/api.yaml': response(`{ $ref: '#/components/schemas/C0' }`, components(5000, (i) => `{ $ref: '#/components/schemas/C${(i + 1) % 5000}' }`)) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error ref-cycle: /] },
    generates: false,
  },
  {
    name: '5,000 object components each nesting the next, in a cycle',
    files: { 'spec/api.yaml': response(`{ $ref: '#/components/schemas/C0' }`, components(5000, (i) => `{ type: object, properties: { next: { $ref: '#/components/schemas/C${(i + 1) % 5000}' } } }`)) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error limit-ref-depth: through \$refs, schemas nest up to 15,009 levels deep/] },
    generates: false,
  },
  {
    name: 'an example nested 10,000 deep in a JSON spec',
    files: { 'spec/api.json': jsonSpec(`{"schema":{"type":"object"},"example":${nestedJson(10_000, '1', (s) => `{"a":${s}}`)}}`) },
    root: 'spec/api.json',
    check: { exit: 2, says: [/api\.json:1:\d+ - error limit-depth: objects and arrays are nested deeper here than oaskit reads/] },
    generates: false,
  },
  {
    name: 'a schema nested 10,000 deep in a JSON spec',
    files: { 'spec/api.json': jsonSpec(`{"schema":${nestedJson(10_000, '{"type":"string"}', (s) => `{"type":"object","properties":{"a":${s}}}`)}}`) },
    root: 'spec/api.json',
    check: { exit: 2, says: [/api\.json:1:\d+ - error limit-depth: /] },
    generates: false,
  },
  {
    name: 'a schema nested 120 levels deep (within the limits: generated, hoisted where deep)',
    files: { 'spec/api.json': jsonSpec(`{"schema":${nestedJson(120, '{"type":"string"}', (s) => `{"type":"object","properties":{"a":${s}},"allOf":[{"type":"object"}]}`)}}`) },
    root: 'spec/api.json',
    check: { exit: 0, says: [] },
    generates: true,
  },
  {
    name: 'an example nested 10,000 deep in YAML flow style',
    files: { 'spec/api.yaml': response('{ type: object }', `              example: ${nestedJson(10_000, '1', (s) => `{a: ${s}}`)}\n`) },
    root: 'spec/api.yaml',
    check: { exit: 2, says: [/api\.yaml:\d+:\d+ - error limit-depth: /] },
    generates: false,
  },
  {
    name: "a response that is a $ref to '#/paths'",
    files: { 'spec/api.yaml': `openapi: 3.1.0\ninfo: { title: hostile, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': { description: ok }\n        '500': { $ref: '#/paths' }\n` },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:9:24 - error ref-wrong-kind: \$ref "#\/paths" names the Paths object, where a Response is expected/] },
    generates: false,
  },
  {
    name: 'a $ref string that is not a valid URI reference',
    files: { 'spec/api.yaml': response(`{ $ref: '#/components/schemas/%E0%A4%A' }`) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error ref-dangling: /] },
    generates: false,
  },
  {
    name: 'a $ref naming a file with a NUL in its name',
    files: { 'spec/api.yaml': response(`{ $ref: 'a%00b.yaml#/X' }`) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:31 - error ref-dangling: \$ref "a%00b\.yaml#\/X" names a file with control characters in its name/] },
    generates: false,
  },
  {
    name: 'a file of more than 4,000,000 values',
    files: { 'spec/api.json': jsonSpec(`{"schema":{"type":"array"},"example":[${'0,'.repeat(4_000_001)}0]}`) },
    root: 'spec/api.json',
    check: { exit: 2, says: [/api\.json:1:\d+ - error limit-nodes: the file has more than 4,000,000 values/] },
    generates: false,
  },
  {
    // JavaScript cannot interrupt a running RegExp: without the sandbox `check` runs for hours
    name: 'a pattern that backtracks catastrophically on its own example',
    files: { 'spec/api.yaml': response(`{ type: string, pattern: '^(a+)+$', examples: ['${'a'.repeat(40)}!'] }`) },
    root: 'spec/api.yaml',
    check: { exit: 1, says: [/api\.yaml:12:70 - error limit-time: examples\[0\] could not be checked: the pattern "\^\(a\+\)\+\$" took longer than 1000 ms on one value/] },
    generates: true,
    // docs run every rule (examples included) and write nothing for a spec with errors
    docs: false,
  },
  {
    name: 'a file of more than 64 MiB',
    files: { 'spec/api.yaml': response('{ type: string }') + `x-padding: '${'x'.repeat(64 * 1024 * 1024)}'\n` },
    root: 'spec/api.yaml',
    check: { exit: 2, says: [/api\.yaml:1:1 - error limit-file-size: the file is larger \(67,109,\d+\) than the 67,108,864 characters oaskit reads/] },
    generates: false,
  },
];

/** Writes a case into `dir`; returns the absolute path of its root spec. */
export function writeCase(dir: string, c: HostileCase): string {
  for (const [path, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, target] of Object.entries(c.links ?? {})) symlinkSync(target, join(dir, path));
  return join(dir, c.root);
}
