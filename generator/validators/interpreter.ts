// The interpreter beside the compiler: walks the schema at run time with the same keyword
// families (keywords/*.ts `interpret`), so it reports the same errors, in the same order, as the
// compiled collecting functions. Used where code generation is not wanted, and as the other side
// of the differential tests.
import type { DialectRules } from './dialect.ts';
import { ValidatorCompileError } from './errors.ts';
import { families, refFamily, typeFamily, type KeywordFamily } from './keywords/index.ts';
import { hasType } from './keywords/type.ts';
import { MAX_SCHEMA_DEPTH, SchemaIndex, childPointer, type SchemaNode, type SchemaObject } from './schema-index.ts';
import { pointerSegment, type ValidationError } from './runtime.ts';

export interface InterpretErrorSpec {
  keyword: string;
  params?: Record<string, unknown>;
  message: string;
  at?: string;
  path?: string;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The interpreter's context for one schema location and one value. */
export class Ix {
  constructor(
    readonly index: SchemaIndex,
    readonly rules: DialectRules,
    readonly schema: SchemaNode,
    readonly at: string,
    readonly base: string,
    readonly data: unknown,
    readonly path: string,
    readonly errors: ValidationError[],
    readonly depth: number,
  ) {}

  get object(): SchemaObject {
    return this.schema as SchemaObject;
  }

  has(keyword: string): boolean {
    return isObject(this.schema) && Object.prototype.hasOwnProperty.call(this.schema, keyword) && this.schema[keyword] !== undefined;
  }

  value(keyword: string): unknown {
    return this.has(keyword) ? this.object[keyword] : undefined;
  }

  atKeyword(...segments: (string | number)[]): string {
    return childPointer(this.at, ...segments);
  }

  error(spec: InterpretErrorSpec): void {
    this.errors.push({
      instancePath: spec.path ?? this.path,
      schemaPath: spec.at ?? this.atKeyword(spec.keyword),
      keyword: spec.keyword,
      params: spec.params ?? {},
      message: spec.message,
    });
  }

  /** Validates `data` against a subschema, adding its errors here; true when it passed. */
  sub(schema: unknown, segments: (string | number)[], data: unknown, path: string, errors: ValidationError[] = this.errors): boolean {
    const at = this.atKeyword(...segments);
    if (this.depth + 1 > MAX_SCHEMA_DEPTH) throw new ValidatorCompileError(`schema nesting is deeper than ${MAX_SCHEMA_DEPTH} levels`, at);
    const base = this.index.locate(schema)?.base ?? this.base;
    const before = errors.length;
    interpretSchema(new Ix(this.index, this.rules, asSchema(schema, at), at, base, data, path, errors, this.depth + 1));
    return errors.length === before;
  }

  /** Whether `data` passes a subschema, without recording errors. */
  test(schema: unknown, segments: (string | number)[], data: unknown): boolean {
    return this.sub(schema, segments, data, this.path, []);
  }

  /** The same schema and data, with another error list. */
  withErrors(errors: ValidationError[]): Ix {
    return new Ix(this.index, this.rules, this.schema, this.at, this.base, this.data, this.path, errors, this.depth);
  }

  childPath(key: string | number): string {
    return `${this.path}/${typeof key === 'number' ? key : pointerSegment(key)}`;
  }
}

function asSchema(schema: unknown, at: string): SchemaNode {
  if (typeof schema === 'boolean' || isObject(schema)) return schema;
  throw new ValidatorCompileError(`a schema must be an object or a boolean, not ${Array.isArray(schema) ? 'an array' : schema === null ? 'null' : typeof schema}`, at);
}

function applies(family: KeywordFamily, ix: Ix): boolean {
  return family.keywords.some((keyword) => ix.has(keyword));
}

export function interpretSchema(ix: Ix): void {
  const schema = ix.schema;
  if (schema === true) return;
  if (schema === false) {
    ix.error({ keyword: 'false', message: 'no value is allowed here', at: ix.at });
    return;
  }
  if (ix.has('$ref')) {
    refFamily.interpret(ix);
    if (ix.rules.refOverridesSiblings) return;
  }
  const typeOk = typeFamily.check(ix);
  if (typeOk) {
    for (const family of families) if (family.type && applies(family, ix) && hasType(ix.data, family.type)) family.interpret(ix);
  }
  for (const family of families) if (!family.type && applies(family, ix)) family.interpret(ix);
}

/** Validates `value` against `schema` (a node of `root`, or a schema whose `$ref`s point into
 * `root`) and returns every error. A value nested deeper than the stack allows gives one error. */
export function interpretWith(index: SchemaIndex, rules: DialectRules, schema: unknown, value: unknown): ValidationError[] {
  const located = index.locate(schema);
  const at = located?.at ?? '#';
  const errors: ValidationError[] = [];
  try {
    interpretSchema(new Ix(index, rules, asSchema(schema, at), at, located?.base ?? index.base, value, '', errors, 0));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    errors.push(tooDeep());
  }
  return errors;
}

export function tooDeep(): ValidationError {
  return { instancePath: '', schemaPath: '#', keyword: '$ref', params: {}, message: 'is nested too deeply to validate' };
}
