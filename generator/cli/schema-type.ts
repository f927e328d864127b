// The TypeScript type of the values a JSON Schema (2020-12) accepts, for `oaskit validator`'s
// `isValid(value): value is T`. The type is never narrower than the schema: every keyword it does
// not express (pattern, ranges, not, if/then/else, patternProperties, prefixItems, refs outside
// the document, recursion) leaves the type wider, down to `unknown`. Spec text reaches the type
// only as JSON string literals (property names, enum values), never as identifiers or comments.

import { child, fragmentSegments, isObject } from '../core/pointer.ts';

type Obj = Record<string, unknown>;

/** Past this many characters the type stops helping a reader: `unknown`. */
const MAX_TYPE_LENGTH = 4000;
const MAX_DEPTH = 24;

export function schemaType(schema: unknown): string {
  // a nested $id or anchor changes what a ref means below it: refs are then not followed at all
  const root = hasNestedBase(schema, true) ? undefined : schema;
  const type = typeOf(schema, { root, expanding: ['#'], depth: 0 });
  return type.length > MAX_TYPE_LENGTH ? 'unknown' : type;
}

function hasNestedBase(node: unknown, top = false): boolean {
  if (Array.isArray(node)) return node.some((n) => hasNestedBase(n));
  if (!isObject(node)) return false;
  if (!top && ['$id', '$anchor', '$dynamicAnchor'].some((k) => typeof node[k] === 'string')) return true;
  return Object.values(node).some((n) => hasNestedBase(n));
}

interface Walk {
  /** the document refs resolve in; undefined: refs are not followed */
  root: unknown;
  /** the refs being expanded (a recursive ref widens to unknown) */
  expanding: string[];
  depth: number;
}


function typeOf(schema: unknown, walk: Walk): string {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (!isObject(schema) || walk.depth > MAX_DEPTH) return 'unknown';
  const inner: Walk = { ...walk, depth: walk.depth + 1 };
  const parts: string[] = [];

  if (typeof schema.$ref === 'string' && walk.root !== undefined && !walk.expanding.includes(schema.$ref)) {
    const target = resolveLocal(walk.root, schema.$ref);
    if (target !== undefined) parts.push(typeOf(target, { ...inner, expanding: [...walk.expanding, schema.$ref] }));
  }
  const literals = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : undefined;
  if (literals) parts.push(union(literals.map(literalType)));
  // `type` adds nothing to literals it already allows
  if (types && !(literals && literals.every((l) => types.some((t) => hasType(l, t))))) parts.push(union(types.map((t) => typeFor(t, schema, inner))));
  if (Array.isArray(schema.allOf)) parts.push(...schema.allOf.map((s) => typeOf(s, inner)));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length) parts.push(union(members.map((s) => typeOf(s, inner))));
  }
  return intersection(parts);
}

function typeFor(type: string, schema: Obj, walk: Walk): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      // prefixItems (and draft-07's array `items`) are not expressed: any array of the rest
      return schema.prefixItems === undefined && (isObject(schema.items) || typeof schema.items === 'boolean') ? `${paren(typeOf(schema.items, walk))}[]` : 'unknown[]';
    case 'object':
      return objectType(schema, walk);
    default:
      return 'unknown';
  }
}

function objectType(schema: Obj, walk: Walk): string {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const members: string[] = [];
  for (const name of Object.keys(properties)) members.push(`${propertyKey(name)}${required.has(name) ? '' : '?'}: ${typeOf(properties[name], walk)}`);
  for (const name of required) if (!Object.hasOwn(properties, name)) members.push(`${propertyKey(name)}: unknown`);
  // an index signature only where nothing else constrains the keys: TypeScript would require
  // every named property to fit it
  if (members.length === 0 && schema.patternProperties === undefined) {
    const rest = schema.additionalProperties === undefined ? 'unknown' : typeOf(schema.additionalProperties, walk);
    members.push(`[key: string]: ${rest}`);
  }
  return `{ ${members.join('; ')} }`;
}

/** The value of a `#/...` JSON pointer in the document, or undefined (not local, not there). */
function resolveLocal(root: unknown, ref: string): unknown {
  const segments = ref.startsWith('#') ? fragmentSegments(ref) : undefined;
  if (!segments) return undefined;
  let node = root;
  for (const segment of segments) if ((node = child(node, segment)) === undefined) return undefined;
  return node;
}

function literalType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  return 'unknown';
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : stringLiteral(name);
}

/** A TypeScript string literal with no `/` (a type holds no comment) and no line separators. */
function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[/\u2028\u2029]/g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16)}`));
}

function union(types: string[]): string {
  const unique = [...new Set(types)].filter((t) => t !== 'never');
  if (unique.includes('unknown')) return 'unknown';
  if (unique.length === 0) return 'never';
  return unique.length === 1 ? unique[0]! : unique.map(paren).join(' | ');
}

function intersection(types: string[]): string {
  const unique = [...new Set(types)].filter((t) => t !== 'unknown');
  if (unique.includes('never')) return 'never';
  if (unique.length === 0) return 'unknown';
  return unique.length === 1 ? unique[0]! : unique.map(paren).join(' & ');
}

/** Parentheses around a union or intersection inside another, or before `[]`. */
function paren(type: string): string {
  return /[|&]/.test(topLevel(type)) ? `(${type})` : type;
}

/** The text outside braces, brackets, parentheses and strings (where a top-level | or & shows). */
function topLevel(type: string): string {
  let depth = 0;
  let out = '';
  let inString = false;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}
