// The model's schemas: every schema of a spec is one node with an identity and a location.
// `$ref`s are resolved to the node they name (so a graph, cycles allowed and marked), and the
// keywords are normalised to OpenAPI 3.1 / JSON Schema 2020-12: 3.0's `nullable` is a `null`
// type, its boolean `exclusiveMinimum`/`exclusiveMaximum` are numbers, `example` is `examples`,
// and the siblings a 3.0 `$ref` hides are gone. Emitters, rules and the diff read these nodes and
// never the document.
import type { Loc } from '../core/loc.ts';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';
export const jsonTypes: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** `x-*` members of a spec object, as written. */
export type Extensions = Record<string, unknown>;

export interface NamedSchema {
  name: string;
  schema: Schema;
}

export interface Schema {
  /** index in `ApiModel.schemaNodes` */
  readonly id: number;
  /**
   * A stable, unique name: the component's name for `components/schemas/<name>`, else derived from
   * where the schema is written (`trackUsers.body`, `Pet.tags.items`). Identifier-like but not
   * sanitised: emitters make identifiers of it.
   */
  name: string;
  /** the component name when this node is `components/schemas/<name>` of the root document */
  component?: string;
  /** where the schema is written */
  loc: Loc;
  /** true when the node reaches itself through its subschemas (a recursive type) */
  recursive: boolean;
  /** a boolean schema: `true` accepts anything, `false` nothing */
  bool?: boolean;
  /** 3.1: a `$ref` with sibling keywords; the siblings are on this node (a pure `$ref` is the target itself) */
  ref?: Schema;

  type?: JsonType[];
  enum?: readonly unknown[];
  const?: { value: unknown };
  format?: string;

  minLength?: number;
  maxLength?: number;
  pattern?: string;
  contentMediaType?: string;
  contentEncoding?: string;

  multipleOf?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;

  items?: Schema;
  prefixItems?: Schema[];
  contains?: Schema;
  minContains?: number;
  maxContains?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  unevaluatedItems?: Schema;

  /** in the order written; names are data (`__proto__` is a property like any other) */
  properties?: NamedSchema[];
  required?: string[];
  additionalProperties?: Schema;
  patternProperties?: { pattern: string; schema: Schema }[];
  propertyNames?: Schema;
  unevaluatedProperties?: Schema;
  minProperties?: number;
  maxProperties?: number;
  dependentRequired?: { property: string; requires: string[] }[];
  dependentSchemas?: NamedSchema[];

  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  not?: Schema;
  if?: Schema;
  then?: Schema;
  else?: Schema;
  discriminator?: { propertyName: string; mapping: { value: string; schema: Schema }[] };

  title?: string;
  description?: string;
  default?: { value: unknown };
  /** `examples`, with a 3.0 `example` as its only member */
  examples?: unknown[];
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  extensions: Extensions;
  /** keywords the model does not interpret (`xml`, `externalDocs`, `$comment`, `$id`…), as written */
  other?: Record<string, unknown>;
}

const annotations = new Set(['id', 'name', 'component', 'loc', 'recursive', 'ref', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'extensions', 'other']);

/**
 * The schema a node stands for when it is a `$ref` with annotations only (`{ $ref, description }`
 * in 3.1): its target, followed while that holds. Any other node is itself.
 */
export function unwrap(s: Schema): Schema {
  let x = s;
  for (let i = 0; x.ref && i < 64 && Object.keys(x).every((k) => annotations.has(k)); i++) x = x.ref;
  return x;
}

/** A property of an object schema, looked up by name (own members only). */
export function propertyOf(schema: Schema, name: string): Schema | undefined {
  return schema.properties?.find((p) => p.name === name)?.schema;
}

/** The subschemas of a node, each with the keyword path from the node (for walks and names). */
export function subschemas(s: Schema): { via: (string | number)[]; schema: Schema }[] {
  const out: { via: (string | number)[]; schema: Schema }[] = [];
  const one = (k: string, x: Schema | undefined) => x && out.push({ via: [k], schema: x });
  const list = (k: string, xs: Schema[] | undefined) => xs?.forEach((x, i) => out.push({ via: [k, i], schema: x }));
  if (s.ref) out.push({ via: ['$ref'], schema: s.ref });
  for (const p of s.properties ?? []) out.push({ via: ['properties', p.name], schema: p.schema });
  for (const p of s.patternProperties ?? []) out.push({ via: ['patternProperties', p.pattern], schema: p.schema });
  for (const p of s.dependentSchemas ?? []) out.push({ via: ['dependentSchemas', p.name], schema: p.schema });
  one('additionalProperties', s.additionalProperties);
  one('propertyNames', s.propertyNames);
  one('unevaluatedProperties', s.unevaluatedProperties);
  one('items', s.items);
  list('prefixItems', s.prefixItems);
  one('contains', s.contains);
  one('unevaluatedItems', s.unevaluatedItems);
  list('allOf', s.allOf);
  list('anyOf', s.anyOf);
  list('oneOf', s.oneOf);
  one('not', s.not);
  one('if', s.if);
  one('then', s.then);
  one('else', s.else);
  return out;
}

/**
 * The subschemas of a node in the order `subschemas` gives them, without the keyword paths: for
 * walks of the whole graph (one small array per node instead of an object and a path per child).
 */
export function childSchemas(s: Schema): Schema[] {
  const out: Schema[] = [];
  if (s.ref) out.push(s.ref);
  if (s.properties) for (const p of s.properties) out.push(p.schema);
  if (s.patternProperties) for (const p of s.patternProperties) out.push(p.schema);
  if (s.dependentSchemas) for (const p of s.dependentSchemas) out.push(p.schema);
  if (s.additionalProperties) out.push(s.additionalProperties);
  if (s.propertyNames) out.push(s.propertyNames);
  if (s.unevaluatedProperties) out.push(s.unevaluatedProperties);
  if (s.items) out.push(s.items);
  if (s.prefixItems) out.push(...s.prefixItems);
  if (s.contains) out.push(s.contains);
  if (s.unevaluatedItems) out.push(s.unevaluatedItems);
  if (s.allOf) out.push(...s.allOf);
  if (s.anyOf) out.push(...s.anyOf);
  if (s.oneOf) out.push(...s.oneOf);
  if (s.not) out.push(s.not);
  if (s.if) out.push(s.if);
  if (s.then) out.push(s.then);
  if (s.else) out.push(s.else);
  return out;
}

/** Does the schema allow this JSON type (no `type` allows every type)? `integer` counts as `number`. */
export function allowsType(s: Schema, t: JsonType): boolean {
  if (s.bool !== undefined) return s.bool;
  if (s.ref && !allowsType(s.ref, t)) return false;
  if (!s.type) {
    // allOf members narrow too
    return (s.allOf ?? []).every((m) => allowsType(m, t));
  }
  return s.type.includes(t) || (t === 'integer' && s.type.includes('number'));
}

/** The types a value of this schema can have (through `$ref` and `allOf`); undefined when any. */
export function typesOf(s: Schema, seen = new Set<Schema>()): Set<JsonType> | undefined {
  if (seen.has(s)) return undefined;
  seen.add(s);
  if (s.bool === false) return new Set();
  let out: Set<JsonType> | undefined = s.type ? new Set(s.type) : undefined;
  const narrow = (other: Set<JsonType> | undefined) => {
    if (!other) return;
    out = out ? new Set([...out].filter((t) => other.has(t) || (t === 'integer' && other.has('number')))) : other;
  };
  if (s.ref) narrow(typesOf(s.ref, seen));
  for (const m of s.allOf ?? []) narrow(typesOf(m, seen));
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives && alternatives.length) {
    const union = new Set<JsonType>();
    for (const m of alternatives) {
      const t = typesOf(m, new Set(seen));
      if (!t) return out; // an alternative of any type: the union says nothing
      for (const x of t) union.add(x);
    }
    narrow(union);
  }
  if (!out && s.const) out = new Set([jsonTypeOf(s.const.value)]);
  if (!out && s.enum) out = new Set(s.enum.map(jsonTypeOf));
  return out;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

/**
 * The properties a value of this schema can have, through `$ref` and `allOf` (first writer wins),
 * with whether each is required. For what a client fills (credentials, ids) and what docs list.
 */
export function objectProperties(s: Schema, seen = new Set<Schema>()): Map<string, { schema: Schema; required: boolean }> {
  const out = new Map<string, { schema: Schema; required: boolean }>();
  if (seen.has(s)) return out;
  seen.add(s);
  const required = new Set(s.required ?? []);
  for (const p of s.properties ?? []) out.set(p.name, { schema: p.schema, required: required.has(p.name) });
  const merge = (m: Schema) => {
    for (const [name, p] of objectProperties(m, seen)) {
      const mine = out.get(name);
      if (!mine) out.set(name, p);
      else if (p.required) mine.required = true;
    }
  };
  if (s.ref) merge(s.ref);
  for (const m of s.allOf ?? []) merge(m);
  for (const name of required) {
    const p = out.get(name);
    if (p) p.required = true;
  }
  return out;
}

/** Every node reachable from `roots` (each once), in a stable depth-first order. */
export function reachable(roots: Iterable<Schema>): Schema[] {
  const seen = new Set<Schema>();
  const out: Schema[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    const subs = childSchemas(s);
    for (let i = subs.length - 1; i >= 0; i--) stack.push(subs[i]!);
  }
  return out;
}
