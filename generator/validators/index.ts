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
// - sharing.ts: identical subschemas compile once (big API descriptions repeat themselves);
// - layout.ts: the module's final layout (indentation by block), with no formatter.
import { sanitizeIdentifier } from './code.ts';
import { ModuleGen } from './compiler.ts';
import { dialectRules, type Dialect } from './dialect.ts';
import type { PlannedEntry } from './emit.ts';
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
  /** A leading comment; false for none (the caller writes its own). */
  header?: string | false;
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
  return known ? { schema: schema as SchemaNode, at: known.at, base: known.base } : { schema: schema as SchemaNode, at: '#', base: index.base };
}

/** An entry left out of a module because its schema cannot be compiled. */
export interface SkippedEntry {
  name: string;
  error: Error;
}

async function emit(entries: NamedEntry[], options: ValidatorModuleOptions): Promise<{ text: string; skipped: SkippedEntry[] }> {
  // the printer (and the TypeScript parser it checks type expressions with) loads only when a
  // module is emitted: the interpreter (`oaskit check`, the language server) does without it
  const { checkTypeExpression, renderModule } = await import('./emit.ts');
  const index = new SchemaIndex(options.root);
  const mod = new ModuleGen(index, dialectRules(options.dialect));
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const name of [entry.validateName, entry.isName]) {
      if (seen.has(name)) throw new ValidatorCompileError(`two entries export ${name}`, '#');
      seen.add(name);
    }
  }
  const skipped = new Map<NamedEntry, Error>();
  const located = new Map<NamedEntry, { located: Located; type: string; target?: Located }>();
  for (const entry of entries) {
    try {
      located.set(entry, { located: locate(index, entry.schema, entry.stem), type: entry.type === undefined ? 'unknown' : checkTypeExpression(entry.type) });
    } catch (error) {
      skipped.set(entry, error as Error);
    }
  }
  // An entry whose schema is only a `$ref` uses its target's functions.
  for (const [entry, value] of located) {
    try {
      const target = mod.bareRefTarget(value.located);
      if (target) value.target = target;
    } catch (error) {
      located.delete(entry);
      skipped.set(entry, error as Error);
    }
  }
  mod.sharing.plan([...located.values()].map(({ located, target }) => (target ?? located).schema));
  const units = new Map(
    [...located].map(([entry, { located, target }]) => {
      const name = target ? undefined : entry.stem;
      return [entry, { check: mod.func(target ?? located, 'is', name), collect: mod.func(target ?? located, 'collect', name) }];
    }),
  );
  mod.compilePending();
  const broken = mod.broken();
  for (const [entry, { check, collect }] of units) {
    const error = broken.get(check) ?? broken.get(collect);
    if (error) skipped.set(entry, error);
  }
  const recursive = mod.recursive();
  const plan: PlannedEntry[] = [];
  for (const entry of entries) {
    const unit = units.get(entry);
    if (!unit || skipped.has(entry)) continue;
    const { located: place, type, target: refTarget } = located.get(entry)!;
    const target = refTarget ?? place;
    plan.push({
      validateName: entry.validateName,
      isName: entry.isName,
      check: unit.check,
      collect: unit.collect,
      type,
      description: entry.description,
      at: typeof entry.schema === 'string' ? entry.schema : place.at,
      schemaPath: target.at,
      recursive: recursive.has(unit.check) || recursive.has(unit.collect),
    });
  }
  const text = renderModule(mod, plan, options);
  return { text, skipped: entries.filter((entry) => skipped.has(entry)).map((entry) => ({ name: entry.stem, error: skipped.get(entry)! })) };
}

async function emitStrict(entries: NamedEntry[], options: ValidatorModuleOptions): Promise<string> {
  const { text, skipped } = await emit(entries, options);
  if (skipped.length) throw skipped[0]!.error;
  return text;
}

function named(entries: ValidatorEntry[]): NamedEntry[] {
  return entries.map((entry) => {
    const stem = sanitizeIdentifier(entry.name);
    return { validateName: `validate${stem}`, isName: `is${stem}`, stem, schema: entry.schema, type: entry.type, description: entry.description };
  });
}

/** A module with `validate${name}` and `is${name}` for each entry (TypeScript, in its final layout). Throws ValidatorCompileError (with the schema
 * location) for schemas it cannot compile. */
export function emitValidatorModule(entries: ValidatorEntry[], options: ValidatorModuleOptions): Promise<string> {
  return emitStrict(named(entries), options);
}

/** The same module, leaving out the entries whose schemas cannot be compiled (found in the same
 * single compile; `skipped` names them, with the error, in entry order). */
export function emitValidatorModuleSkipping(entries: ValidatorEntry[], options: ValidatorModuleOptions): Promise<{ text: string; skipped: SkippedEntry[] }> {
  return emit(named(entries), options);
}

/** A bare JSON Schema (2020-12) document as a module exporting `validate(value)` and `isValid(value)`;
 * `type` is the TypeScript type of a valid value (default `unknown`), `header` the leading comment. */
export function compileSchemaFile(schema: object | boolean, options: { type?: string; header?: string } = {}): Promise<string> {
  const description = typeof schema === 'object' && schema !== null && typeof (schema as { title?: unknown }).title === 'string' ? (schema as { title: string }).title : undefined;
  return emitStrict([{ validateName: 'validate', isName: 'isValid', stem: 'root', schema: '#', description, type: options.type }], {
    root: schema as object,
    dialect: '2020-12',
    header: options.header,
  });
}

const indexes = new WeakMap<object, SchemaIndex>();

function indexOf(root: object | boolean): SchemaIndex {
  let index = typeof root === 'object' && root !== null ? indexes.get(root) : undefined;
  if (!index) {
    index = new SchemaIndex(root);
    if (typeof root === 'object' && root !== null) indexes.set(root, index);
  }
  return index;
}

/** Checks `value` against `schema` (a node of `root`, or an inline schema whose `$ref`s point into
 * `root`) without generating code; returns every error (empty when valid). */
export function interpret(schema: object | boolean, root: object | boolean, value: unknown, dialect: Dialect = '2020-12'): ValidationError[] {
  return interpretWith(indexOf(root), dialectRules(dialect), schema, value);
}

/**
 * What an interpretation read of the root document beyond the schema's own (immutable) content:
 * where the schema is, and each `$ref` it resolved (its target and where that is). Another
 * document (the same spec edited) gives the same verdict for the same schema object and value
 * while `interpretedAlike` holds.
 */
export interface InterpretDeps {
  at: string | undefined;
  refs: { ref: string; base: string; target: SchemaNode; at: string; targetBase: string }[];
}

/** `interpret`, and what its verdict depends on; no deps when that cannot be told (a document with `$id`s). */
export function interpretRecording(schema: object | boolean, root: object | boolean, value: unknown, dialect: Dialect): { errors: ValidationError[]; deps?: InterpretDeps } {
  const index = indexOf(root);
  if (!index.singleResource) return { errors: interpretWith(index, dialectRules(dialect), schema, value) };
  const refs = new Map<string, InterpretDeps['refs'][number]>();
  index.recorder = (ref, base, located) => {
    const key = base + '\0' + ref;
    if (!refs.has(key)) refs.set(key, { ref, base, target: located.schema, at: located.at, targetBase: located.base });
  };
  try {
    const errors = interpretWith(index, dialectRules(dialect), schema, value);
    return { errors, deps: { at: index.locate(schema)?.at, refs: [...refs.values()] } };
  } finally {
    index.recorder = undefined;
  }
}

/** Would `interpret(schema, root, …)` read the same as when `deps` were recorded (in another document)? */
export function interpretedAlike(deps: InterpretDeps, schema: object | boolean, root: object | boolean): boolean {
  let index: SchemaIndex;
  try {
    index = indexOf(root);
  } catch (error) {
    if (error instanceof ValidatorCompileError) return false;
    throw error;
  }
  if (!index.singleResource || index.locate(schema)?.at !== deps.at) return false;
  for (const r of deps.refs) {
    let now: Located;
    try {
      now = index.resolveRef(r.ref, r.base, '#');
    } catch (error) {
      if (error instanceof ValidatorCompileError) return false;
      throw error;
    }
    if (now.schema !== r.target || now.at !== r.at || now.base !== r.targetBase) return false;
  }
  return true;
}
