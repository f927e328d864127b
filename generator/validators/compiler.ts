// The validator compiler: turns one schema location into the body of a generated function.
//
// Every schema is compiled in one of two modes:
// - `is`: boolean, exits at the first failure (`return false`, or `break L` inside a branch);
// - `collect`: pushes every error to `e` and carries on.
// Subschemas are inlined; only `$ref` targets (and entries) become functions, so recursion works
// and shared schemas are compiled once. Where a verdict is all that matters (anyOf/oneOf/not/if
// branches, contains, propertyNames), the branch is compiled in `is` mode inside a labelled block
// even in a collecting function, and errors are collected only when the branch decides the outcome.
//
// Keywords live in keywords/*.ts, one file per family, each with `compile` (code) and
// `interpret` (the interpreter in interpreter.ts) side by side.
import { Code, Name, Names, _, join, literal, not, safeJson, sanitizeIdentifier, type Json } from './code.ts';
import type { DialectRules } from './dialect.ts';
import { ValidatorCompileError } from './errors.ts';
import { families, refFamily, typeFamily, type KeywordFamily } from './keywords/index.ts';
import { regexFor } from './keywords/string.ts';
import { typeTest, type JsonType } from './keywords/type.ts';
import { MAX_SCHEMA_DEPTH, SchemaIndex, childPointer, type Located, type SchemaNode, type SchemaObject } from './schema-index.ts';
import { pointerSegment } from './runtime.ts';

export type Mode = 'is' | 'collect';
export type Params = Record<string, Code | Json>;

export interface ErrorSpec {
  keyword: string;
  /** The keyword's arguments; a function when building them hoists constants (only collecting code needs them). */
  params?: Params | (() => Params);
  /** Plain text (becomes a literal), or code computing the text at run time. */
  message: string | Code;
  /** schemaPath; default: this schema's location + `/keyword`. */
  at?: string;
  /** instancePath; default: this schema's instance. */
  path?: InstancePath;
}

/** The instance path of the value being checked, as code built only where an error is pushed. */
export class InstancePath {
  private constructor(private readonly parts: readonly (Code | string)[]) {}
  static of(base: Name): InstancePath {
    return new InstancePath([base]);
  }
  /** A property whose name is known at compile time. */
  key(name: string): InstancePath {
    return new InstancePath([...this.parts, `/${pointerSegment(name)}`]);
  }
  /** An array index held in a variable. */
  index(index: Name): InstancePath {
    return new InstancePath([...this.parts, '/', index]);
  }
  /** A property name held in a variable (escaped at run time). */
  dynamicKey(key: Name, mod: ModuleGen): InstancePath {
    return new InstancePath([...this.parts, '/', _`${mod.helper('pointerSegment')}(${key})`]);
  }
  code(): Code {
    const merged: (Code | string)[] = [];
    for (const part of this.parts) {
      const last = merged[merged.length - 1];
      if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
      else merged.push(part);
    }
    return join(
      merged.map((part) => (typeof part === 'string' ? literal(part) : part)),
      ' + ',
    );
  }
}

export const ERRORS = new Name('e');

/** A boolean check of a subschema, see Cx.test. */
export interface Verdict {
  code: Code;
  ok: Code;
  failure: Code;
}
const PATH = new Name('p');

interface FunctionUnit {
  name: Name;
  mode: Mode;
  target: Located;
  /** The parameter holding the value, and the function body, once compiled. */
  data?: Name;
  body?: Code;
  calls: Set<FunctionUnit>;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Module-wide state: hoisted constants, used runtime helpers, the shared functions. */
export class ModuleGen {
  readonly helpers = new Set<string>();
  readonly constants: { name: Name; init: Code }[] = [];
  readonly units: FunctionUnit[] = [];
  private readonly constantKeys = new Map<string, Name>();
  private readonly unitsByNode = new Map<unknown, Map<Mode, FunctionUnit>>();
  private readonly baseNames = new Map<unknown, string>();
  private readonly usedBaseNames = new Set<string>();
  private readonly pending: FunctionUnit[] = [];
  private current: FunctionUnit | undefined;

  constructor(
    readonly index: SchemaIndex,
    readonly rules: DialectRules,
  ) {}

  /** A runtime helper (runtime.ts) the module will carry. */
  helper(name: string): Name {
    this.helpers.add(name);
    return new Name(name);
  }

  private constant(key: string, prefix: string, init: () => Code): Name {
    const existing = this.constantKeys.get(key);
    if (existing) return existing;
    const name = new Name(`${prefix}${this.constants.length}`);
    this.constants.push({ name, init: init() });
    this.constantKeys.set(key, name);
    return name;
  }

  /** A pattern as a hoisted RegExp (Unicode mode), checked now so a bad one fails at compile time. */
  regex(pattern: unknown, at: string): Name {
    regexFor(pattern, at); // throws a ValidatorCompileError for a pattern that is not a JS regex
    const source = pattern as string;
    return this.constant(`re:${source}`, 'RE', () => _`new RegExp(${source}, "u")`);
  }

  /** Any JSON value as a hoisted constant, parsed from a string literal (so `__proto__` keys stay data). */
  json(value: Json): Name {
    const text = JSON.stringify(value);
    return this.constant(`json:${text}`, 'C', () => _`JSON.parse(${text})`);
  }

  /** A Set of primitive values. */
  set(values: (string | number | boolean | null)[]): Name {
    const text = JSON.stringify(values);
    return this.constant(`set:${text}`, 'S', () => _`new Set<unknown>([${join(values.map(literal), ', ')}])`);
  }

  /** The function checking `target` in `mode` (created and queued on first use). */
  func(target: Located, mode: Mode, preferredName?: string): Name {
    const key = typeof target.schema === 'object' ? target.schema : target.at;
    let byMode = this.unitsByNode.get(key);
    if (!byMode) this.unitsByNode.set(key, (byMode = new Map()));
    let unit = byMode.get(mode);
    if (!unit) {
      const base = this.baseName(key, target.at, preferredName);
      unit = { name: new Name(`${mode === 'is' ? 'check' : 'collect'}_${base}`), mode, target, calls: new Set() };
      byMode.set(mode, unit);
      this.units.push(unit);
      this.pending.push(unit);
    }
    this.current?.calls.add(unit);
    return unit.name;
  }

  private baseName(key: unknown, at: string, preferred?: string): string {
    const known = this.baseNames.get(key);
    if (known) return known;
    let stem = preferred;
    if (!stem) {
      const segments = at.split('/');
      const last = segments.length > 1 ? decodeURIComponent(segments[segments.length - 1]!).replace(/~1/g, '/').replace(/~0/g, '~') : 'root';
      stem = last;
    }
    const clean = sanitizeIdentifier(stem);
    let name = clean;
    for (let n = 2; this.usedBaseNames.has(name); n++) name = `${clean}_${n}`;
    this.usedBaseNames.add(name);
    this.baseNames.set(key, name);
    return name;
  }

  /** Compiles queued functions until none are left. */
  compilePending(): void {
    while (this.pending.length) {
      const unit = this.pending.shift()!;
      this.current = unit;
      const names = new Names();
      const data = names.next('d');
      const exit = _`return false`;
      const cx = new Cx(this, names, unit.target.schema, unit.target.at, unit.target.base, data, InstancePath.of(PATH), unit.mode, exit, undefined, 0);
      compileSchema(cx);
      unit.data = data;
      unit.body = cx.code();
      this.current = undefined;
    }
  }

  /** Units from which a cycle of calls is reachable (deep data can exhaust the stack there). */
  recursive(): Set<FunctionUnit> {
    const result = new Set<FunctionUnit>();
    const state = new Map<FunctionUnit, 'visiting' | 'done'>();
    const visit = (unit: FunctionUnit): boolean => {
      const seen = state.get(unit);
      if (seen === 'visiting') return true;
      if (seen === 'done') return result.has(unit);
      state.set(unit, 'visiting');
      let cyclic = false;
      for (const callee of unit.calls) if (visit(callee)) cyclic = true;
      state.set(unit, 'done');
      if (cyclic) result.add(unit);
      return cyclic;
    };
    for (const unit of this.units) visit(unit);
    return result;
  }

  signature(unit: FunctionUnit): { params: { name: string; type: string }[]; returnType: string } {
    const data = { name: unit.data!.text, type: 'any' };
    return unit.mode === 'is'
      ? { params: [data], returnType: 'boolean' }
      : {
          params: [
            data,
            { name: PATH.text, type: 'string' },
            { name: ERRORS.text, type: 'ValidationError[]' },
          ],
          returnType: 'void',
        };
  }
}

function covers(known: JsonType | undefined, type: JsonType): boolean {
  return known === type || (type === 'number' && known === 'integer');
}

/** The compile context of one schema location. */
export class Cx {
  readonly out: Code[] = [];
  /** In `is` mode while the code is only `if (cond) exit;` lines: those conditions. */
  private conds: Code[] | undefined = [];

  constructor(
    readonly mod: ModuleGen,
    readonly names: Names,
    readonly schema: SchemaNode,
    readonly at: string,
    readonly base: string,
    readonly data: Name,
    readonly path: InstancePath,
    readonly mode: Mode,
    /** `is` mode: the statement that ends the check as failed. */
    readonly exit: Code,
    public known: JsonType | undefined,
    readonly depth: number,
  ) {}

  get rules(): DialectRules {
    return this.mod.rules;
  }

  get object(): SchemaObject {
    return this.schema as SchemaObject;
  }

  has(keyword: string): boolean {
    return isObject(this.schema) && Object.prototype.hasOwnProperty.call(this.schema, keyword) && this.schema[keyword] !== undefined;
  }

  value(keyword: string): unknown {
    return this.has(keyword) ? this.object[keyword] : undefined;
  }

  /** schemaPath of a keyword of this schema. */
  atKeyword(...segments: (string | number)[]): string {
    return childPointer(this.at, ...segments);
  }

  local(prefix: Parameters<Names['next']>[0]): Name {
    return this.names.next(prefix);
  }

  emit(...code: Code[]): void {
    for (const piece of code) if (piece.text !== '') this.out.push(piece);
    this.conds = undefined;
  }

  code(): Code {
    return join(this.out, '\n');
  }

  /** The failure conditions when this code is nothing but checks (`is` mode), else undefined. */
  pureConditions(): Code[] | undefined {
    return this.mode === 'is' ? this.conds : undefined;
  }

  /** The statement(s) for a failure in this mode. */
  error(spec: ErrorSpec): Code {
    if (this.mode === 'is') return _`${this.exit};`;
    const params = paramsCode((typeof spec.params === 'function' ? spec.params() : spec.params) ?? {});
    const message = spec.message instanceof Code ? spec.message : literal(spec.message);
    const at = spec.at ?? this.atKeyword(spec.keyword);
    const path = (spec.path ?? this.path).code();
    return _`${ERRORS}.push({ instancePath: ${path}, schemaPath: ${at}, keyword: ${spec.keyword}, params: ${params}, message: ${message} });`;
  }

  /** Fails when `failure` (code) is true. */
  check(failure: Code, spec: ErrorSpec): void {
    if (this.mode === 'is') {
      const conds = this.conds;
      this.out.push(_`if (${failure}) ${this.exit};`);
      conds?.push(failure);
    } else {
      this.emit(_`if (${failure}) {\n${this.error(spec)}\n}`);
    }
  }

  /** A context for the same schema and data with its own code buffer. */
  fork(known: JsonType | undefined): Cx {
    return new Cx(this.mod, this.names, this.schema, this.at, this.base, this.data, this.path, this.mode, this.exit, known, this.depth);
  }

  /** Compiles a subschema (at `segments` below this one) for `data`, returning its context. */
  sub(schema: unknown, segments: (string | number)[], data: Name, path: InstancePath, options: { mode?: Mode; exit?: Code; known?: JsonType } = {}): Cx {
    const at = this.atKeyword(...segments);
    if (this.depth + 1 > MAX_SCHEMA_DEPTH) throw new ValidatorCompileError(`schema nesting is deeper than ${MAX_SCHEMA_DEPTH} levels`, at);
    const base = this.mod.index.locate(schema)?.base ?? this.base;
    const child = new Cx(this.mod, this.names, asSchema(schema, at), at, base, data, path, options.mode ?? this.mode, options.exit ?? this.exit, options.known, this.depth + 1);
    compileSchema(child);
    return child;
  }

  /** Adds a compiled child's code to this context, keeping a pure chain of checks pure. */
  absorb(child: Cx): void {
    const conds = child.pureConditions();
    if (conds && this.conds && child.exit.text === this.exit.text) {
      for (const cond of conds) {
        this.out.push(_`if (${cond}) ${this.exit};`);
        this.conds.push(cond);
      }
    } else if (child.out.length) {
      this.emit(child.code());
    }
  }

  /** `is`-mode verdict of a subschema for `data`: code to run first, an expression that is true
   * when it passed (`ok`) and one that is true when it failed (`failure`). Used where errors
   * inside the subschema do not matter. */
  test(schema: unknown, segments: (string | number)[], data: Name, known?: JsonType): Verdict {
    const label = this.local('L');
    const child = this.sub(schema, segments, data, this.path, { mode: 'is', exit: _`break ${label}`, known });
    const none = new Code('');
    if (child.out.length === 0) return { code: none, ok: _`true`, failure: _`false` };
    const conds = child.pureConditions();
    if (conds) {
      const failure = conds.length === 1 ? conds[0]! : join(conds.map((cond) => _`(${cond})`), ' || ');
      return { code: none, ok: not(failure), failure };
    }
    const ok = this.local('v');
    return { code: _`let ${ok} = false;\n${label}: {\n${child.code()}\n${ok} = true;\n}`, ok, failure: _`!${ok}` };
  }

  /** `body` when the verdict passed (no `if` when it always does). */
  whenOk(verdict: Verdict, body: Code): Code {
    const run = verdict.ok.text === 'true' ? body : _`if (${verdict.ok}) {\n${body}\n}`;
    return verdict.code.text === '' ? run : _`${verdict.code}\n${run}`;
  }

  /** Runs `body` for values of JSON type `type`: directly when the type is already known, behind
   * a typeof guard otherwise, never when another type is known. */
  whenType(type: JsonType, body: (cx: Cx) => void): void {
    if (covers(this.known, type)) {
      body(this);
      return;
    }
    if (this.known !== undefined && !(type === 'integer' && this.known === 'number')) return;
    const inner = this.fork(type);
    body(inner);
    if (inner.out.length === 0) return;
    const guard = typeTest(type, this.data);
    const conds = inner.pureConditions();
    if (conds && this.conds) {
      const failure = _`${guard} && (${join(conds, ' || ')})`;
      this.out.push(_`if (${failure}) ${this.exit};`);
      this.conds.push(failure);
    } else {
      this.emit(_`if (${guard}) {\n${inner.code()}\n}`);
    }
  }
}

function paramsCode(params: Params): Code {
  const entries = Object.entries(params);
  if (entries.length === 0) return _`{}`;
  return _`{ ${join(
    entries.map(([key, value]) => _`${new Name(key)}: ${value instanceof Code ? value : isComposite(value) ? new Code(`JSON.parse(${safeJson(JSON.stringify(value))})`) : literal(value)}`),
    ', ',
  )} }`;
}

function isComposite(value: Json): boolean {
  return typeof value === 'object' && value !== null;
}

function asSchema(schema: unknown, at: string): SchemaNode {
  if (typeof schema === 'boolean' || isObject(schema)) return schema;
  throw new ValidatorCompileError(`a schema must be an object or a boolean, not ${Array.isArray(schema) ? 'an array' : schema === null ? 'null' : typeof schema}`, at);
}

/** Compiles the schema of `cx` into `cx.out`. */
export function compileSchema(cx: Cx): void {
  const schema = cx.schema;
  if (schema === true) return;
  if (schema === false) {
    cx.check(_`true`, { keyword: 'false', message: 'no value is allowed here', at: cx.at });
    return;
  }
  if (cx.has('$ref')) {
    refFamily.compile(cx);
    if (cx.rules.refOverridesSiblings) return;
  }
  const typed = families.filter((family) => family.type && family.keywords.some((keyword) => cx.has(keyword)));
  const untyped = families.filter((family) => !family.type && family.keywords.some((keyword) => cx.has(keyword)));
  const type = typeFamily.condition(cx);
  if (cx.mode === 'is') {
    if (type) {
      cx.check(type.failure, type.error);
      if (type.single) cx.known = type.single;
    }
    compileTyped(cx, typed);
    for (const family of untyped) family.compile(cx);
    return;
  }
  if (type) {
    const inner = cx.fork(type.single ?? cx.known);
    compileTyped(inner, typed);
    cx.emit(inner.out.length ? _`if (${type.failure}) {\n${cx.error(type.error)}\n} else {\n${inner.code()}\n}` : _`if (${type.failure}) {\n${cx.error(type.error)}\n}`);
  } else {
    compileTyped(cx, typed);
  }
  for (const family of untyped) family.compile(cx);
}

/** The type-specific families, each group behind one type guard when the type is not known. */
function compileTyped(cx: Cx, typed: KeywordFamily[]): void {
  for (const type of ['number', 'string', 'array', 'object'] as const) {
    const group = typed.filter((family) => family.type === type);
    if (group.length) cx.whenType(type, (inner) => group.forEach((family) => family.compile(inner)));
  }
}
