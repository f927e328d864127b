// `type` (and OpenAPI 3.0 `nullable`). Not an ordinary family: the driver checks it first, and
// when it fails the type-specific families (string, number, array, object) are not checked.
import { _, join, type Code, type Name } from '../code.ts';
import type { Cx, ErrorSpec } from '../compiler.ts';
import type { DialectRules } from '../dialect.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { typeMessage } from '../runtime.ts';
import { childPointer, type SchemaIndex } from '../schema-index.ts';

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const TYPES: readonly string[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/** The JS test for "the value in `data` is of JSON type `type`". */
export function typeTest(type: JsonType, data: Name): Code {
  switch (type) {
    case 'string':
      return _`typeof ${data} === "string"`;
    case 'number':
      return _`typeof ${data} === "number"`;
    case 'integer':
      return _`Number.isInteger(${data})`;
    case 'boolean':
      return _`typeof ${data} === "boolean"`;
    case 'null':
      return _`${data} === null`;
    case 'array':
      return _`Array.isArray(${data})`;
    case 'object':
      return _`typeof ${data} === "object" && ${data} !== null && !Array.isArray(${data})`;
  }
}

/** The JS test for "the value in `data` is NOT of JSON type `type`" (the readable negation). */
export function notTypeTest(type: JsonType, data: Name): Code {
  switch (type) {
    case 'string':
      return _`typeof ${data} !== "string"`;
    case 'number':
      return _`typeof ${data} !== "number"`;
    case 'integer':
      return _`!Number.isInteger(${data})`;
    case 'boolean':
      return _`typeof ${data} !== "boolean"`;
    case 'null':
      return _`${data} !== null`;
    case 'array':
      return _`!Array.isArray(${data})`;
    case 'object':
      return _`typeof ${data} !== "object" || ${data} === null || Array.isArray(${data})`;
  }
}

export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** Whether a value is of a JSON type (an integer is also a number). */
export function hasType(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** The types the schema allows, or undefined when it does not say. */
export function declaredTypes(schema: Record<string, unknown>, nullable: boolean, at: string): JsonType[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(schema, 'type') || schema.type === undefined) return undefined;
  const raw = schema.type;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!list || list.length === 0) throw new ValidatorCompileError('type must be a type name or a non-empty list of them', `${at}/type`);
  for (const name of list) {
    if (typeof name !== 'string' || !TYPES.includes(name)) throw new ValidatorCompileError(`unknown type ${JSON.stringify(name)}`, `${at}/type`);
  }
  const types = [...new Set(list as JsonType[])];
  if (nullable && schema.nullable === true && !types.includes('null')) types.push('null');
  return types.includes('number') ? types.filter((type) => type !== 'integer') : types;
}

/**
 * The test of the `type` keyword: as `typeTest`, except that `number` also refuses NaN and
 * ±Infinity, which no JSON document holds (JSON.stringify sends them as null). The type guards of
 * other keywords keep `typeof` (a NaN is still checked by minimum, as in the interpreter).
 */
function keywordTest(type: JsonType, data: Name): Code {
  return type === 'number' ? _`Number.isFinite(${data})` : typeTest(type, data);
}

/** Whether a value passes the `type` keyword for `type` (the interpreter's `keywordTest`). */
function keywordHolds(value: unknown, type: JsonType): boolean {
  return hasType(value, type) && (type !== 'number' || Number.isFinite(value));
}

function typeError(types: JsonType[]): { keyword: string; params: { type: string }; message: string } {
  return { keyword: 'type', params: { type: types.join(',') }, message: typeMessage(types.join(',')) };
}

export const typeFamily = {
  name: 'type',
  keywords: ['type'] as const,

  /** The type test of a schema (true when the type is right), or undefined when nothing needs checking. */
  condition(cx: Cx): { test: Code; failure: Code; single: JsonType | undefined; error: ErrorSpec } | undefined {
    if (typeof cx.schema !== 'object') return undefined;
    const types = declaredTypes(cx.object, cx.rules.nullable, cx.at);
    if (!types) return undefined;
    const known = cx.known;
    // a known 'number' comes from a typeof guard, which lets NaN through: only integer proves finite
    if (known && types.some((type) => (type === known && known !== 'number') || (type === 'number' && known === 'integer'))) return undefined;
    const test = join(types.map((type) => (types.length > 1 && type === 'object' ? _`(${keywordTest(type, cx.data)})` : keywordTest(type, cx.data))), ' || ');
    const single = types.length === 1 ? types[0]! : undefined;
    return {
      test,
      failure: single === 'number' ? _`!Number.isFinite(${cx.data})` : single ? notTypeTest(single, cx.data) : _`!(${test})`,
      single: types.length === 1 ? types[0] : undefined,
      error: { ...typeError(types), at: cx.atKeyword('type') },
    };
  },

  /** Whether the value has an allowed type (adding the error when not). */
  check(ix: Ix): boolean {
    if (typeof ix.schema !== 'object') return true;
    const types = declaredTypes(ix.object, ix.rules.nullable, ix.at);
    if (!types || types.some((type) => keywordHolds(ix.data, type))) return true;
    ix.error(typeError(types));
    return false;
  },
};

/** JSON types as JavaScript tells them apart (integer is a number). */
export type TypeGroup = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
export const TYPE_GROUPS: readonly TypeGroup[] = ['string', 'number', 'boolean', 'null', 'array', 'object'];

function groupOf(value: unknown): TypeGroup {
  const type = jsonTypeOf(value);
  return type === 'integer' || type === undefined ? 'number' : type;
}

/** The types of values a schema can possibly accept, from `type`, `enum`, `const`, `allOf` and
 * `$ref` (followed up to a few levels); every type when it cannot tell. */
export function possibleTypes(schema: unknown, index: SchemaIndex, rules: DialectRules, base: string, at: string, depth = 0): Set<TypeGroup> {
  if (schema === false) return new Set();
  let result = new Set(TYPE_GROUPS);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > 8) return result;
  const node = schema as Record<string, unknown>;
  const narrow = (types: Iterable<TypeGroup>) => {
    const keep = new Set(types);
    result = new Set([...result].filter((type) => keep.has(type)));
  };
  const own = (keyword: string) => Object.prototype.hasOwnProperty.call(node, keyword) && node[keyword] !== undefined;
  const nodeBase = index.locate(node)?.base ?? base;
  if (own('$ref') && typeof node.$ref === 'string') {
    const target = index.resolveRef(node.$ref, nodeBase, childPointer(at, '$ref'));
    narrow(possibleTypes(target.schema, index, rules, target.base, target.at, depth + 1));
    if (rules.refOverridesSiblings) return result;
  }
  const declared = declaredTypes(node, rules.nullable, at);
  if (declared) narrow(declared.map((type) => (type === 'integer' ? 'number' : type)));
  if (own('enum') && Array.isArray(node.enum)) narrow(node.enum.map(groupOf));
  if (own('const')) narrow([groupOf(node.const)]);
  if (own('allOf') && Array.isArray(node.allOf)) {
    node.allOf.forEach((branch, i) => narrow(possibleTypes(branch, index, rules, nodeBase, childPointer(at, 'allOf', i), depth + 1)));
  }
  return result;
}
