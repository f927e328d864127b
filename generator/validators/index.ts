// oaskit's validator compiler: JSON Schema 2020-12 (and OpenAPI 3.0/3.1 schema objects) to
// standalone TypeScript validators, plus an interpreter that checks the same keywords directly.
//
// Generated modules have no runtime dependency and no eval/new Function (they run under a strict
// CSP): each entry exports `validateX(value)` (every error) and `isX(value)` (a type guard that
// stops at the first error). README.md in this folder describes the module, the safety rules and
// the limits (schema depth, patterns, deep data); in short:
// - code.ts: how spec text reaches generated code (literals, checked identifiers, escaped comments);
// - schema-index.ts: $ref resolution (inside the document only) and the nesting limit;
// - keywords/*.ts: one file per keyword family, each compiled and interpreted;
// - keywords/string.ts: patterns run as written (ECMAScript, `u` flag), after the length limits;
//   an invalid pattern is a compile-time error with its location.
import { sanitizeIdentifier } from './code.ts';
import { ModuleGen } from './compiler.ts';
import { dialectRules, type Dialect } from './dialect.ts';
import { checkTypeExpression, renderModule, type PlannedEntry } from './emit.ts';
import { ValidatorCompileError } from './errors.ts';
import { interpretWith } from './interpreter.ts';
import type { ValidationError } from './runtime.ts';
import { SchemaIndex, type Located, type SchemaNode } from './schema-index.ts';

export type { Dialect } from './dialect.ts';
export { ValidatorCompileError } from './errors.ts';
export { MAX_SCHEMA_DEPTH } from './schema-index.ts';
export type { ValidationError, ValidationResult } from './runtime.ts';

export interface ValidatorEntry {
  /** exported names become `validate${name}` and `is${name}` (sanitised to an identifier) */
  name: string;
  /** JSON pointer (e.g. '#/components/schemas/Foo') into `root`, or an inline schema object */
  schema: string | object;
  /** TypeScript type expression for the `value` of a successful result; default `unknown` */
  type?: string;
  /** JSDoc for the exported functions (plain text, escaped here) */
  description?: string;
}

export interface ValidatorModuleOptions {
  /** The document that pointers and `$ref`s resolve against (an OpenAPI document or a bare schema). */
  root: object;
  dialect: Dialect;
  /** A leading comment. */
  header?: string;
  /** Extra import statements for the top of the module (trusted text from the caller). */
  imports?: string[];
}

interface NamedEntry {
  validateName: string;
  isName: string;
  stem: string;
  schema: string | object | boolean;
  type?: string;
  description?: string;
}

function locate(index: SchemaIndex, schema: string | object | boolean, name: string): Located {
  if (typeof schema === 'string') return index.resolvePointer(schema);
  if (typeof schema === 'boolean') return { schema, at: '#', base: index.base };
  if (schema === null || Array.isArray(schema)) throw new ValidatorCompileError(`the schema of entry ${JSON.stringify(name)} must be a pointer or a schema object`, '#');
  const known = index.locate(schema);
  return known ? { schema: schema as SchemaNode, ...known } : { schema: schema as SchemaNode, at: '#', base: index.base };
}

async function emit(entries: NamedEntry[], options: ValidatorModuleOptions): Promise<string> {
  const index = new SchemaIndex(options.root);
  const mod = new ModuleGen(index, dialectRules(options.dialect));
  const seen = new Set<string>();
  const planned = entries.map((entry) => {
    for (const name of [entry.validateName, entry.isName]) {
      if (seen.has(name)) throw new ValidatorCompileError(`two entries export ${name}`, '#');
      seen.add(name);
    }
    const located = locate(index, entry.schema, entry.stem);
    return {
      entry,
      located,
      checkFn: mod.func(located, 'is', entry.stem).text,
      collectFn: mod.func(located, 'collect', entry.stem).text,
    };
  });
  try {
    mod.compilePending();
  } catch (error) {
    if (error instanceof RangeError) throw new ValidatorCompileError('schema is too deeply nested to compile', '#');
    throw error;
  }
  const recursive = new Set([...mod.recursive()].map((unit) => unit.name.text));
  const plan: PlannedEntry[] = planned.map(({ entry, located, checkFn, collectFn }) => ({
    validateName: entry.validateName,
    isName: entry.isName,
    checkFn,
    collectFn,
    type: entry.type === undefined ? 'unknown' : checkTypeExpression(entry.type),
    description: entry.description,
    at: typeof entry.schema === 'string' ? entry.schema : located.at,
    recursive: recursive.has(checkFn) || recursive.has(collectFn),
  }));
  return renderModule(mod, plan, options);
}

/** A module with `validate${name}` and `is${name}` for each entry (prettier-formatted TypeScript).
 * Async because prettier 3 formats asynchronously. Throws ValidatorCompileError (with the schema
 * location) for schemas it cannot compile. */
export function emitValidatorModule(entries: ValidatorEntry[], options: ValidatorModuleOptions): Promise<string> {
  return emit(
    entries.map((entry) => {
      const stem = sanitizeIdentifier(entry.name);
      return { validateName: `validate${stem}`, isName: `is${stem}`, stem, schema: entry.schema, type: entry.type, description: entry.description };
    }),
    options,
  );
}

/** A bare JSON Schema (2020-12) document as a module exporting `validate(value)` and `isValid(value)`. */
export function compileSchemaFile(schema: object | boolean): Promise<string> {
  const description = typeof schema === 'object' && schema !== null && typeof (schema as { title?: unknown }).title === 'string' ? (schema as { title: string }).title : undefined;
  return emit([{ validateName: 'validate', isName: 'isValid', stem: 'root', schema: '#', description }], {
    root: schema as object,
    dialect: '2020-12',
  });
}

const indexes = new WeakMap<object, SchemaIndex>();

/** Checks `value` against `schema` (a node of `root`, or an inline schema whose `$ref`s point into
 * `root`) without generating code; returns every error (empty when valid). */
export function interpret(schema: object | boolean, root: object | boolean, value: unknown, dialect: Dialect = '2020-12'): ValidationError[] {
  let index = typeof root === 'object' && root !== null ? indexes.get(root) : undefined;
  if (!index) {
    index = new SchemaIndex(root);
    if (typeof root === 'object' && root !== null) indexes.set(root, index);
  }
  return interpretWith(index, dialectRules(dialect), schema, value);
}
