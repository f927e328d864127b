// The validator compiler: turns one schema location into the body of a generated function.
//
// Every schema is compiled in one of two modes:
// - `is`: boolean, exits at the first failure (`return false`, or `break L` inside a branch);
// - `collect`: records every error in `e` (through runtime helpers) and carries on.
// Functions come from entries, `$ref` targets (so recursion works and targets compile once) and
// schemas found at several places (sharing.ts: identical subschemas compile once). Checking
// functions of entries and targets (what `isX` runs) inline every other subschema: the fast
// path is unrolled. Collecting functions, and the checking functions made for them, are
// compact: they inline only small subschemas and call functions for the rest, checking first
// and collecting only a value that failed (so paths are built only for errors); their
// properties are tables walked by a runtime helper, as are very wide objects' in checking
// functions. Where a verdict is all that matters (anyOf/oneOf/not/if branches, contains,
// propertyNames), the branch is compiled in `is` mode inside a labelled block even in a
// collecting function, and errors are collected only when the branch decides the outcome.
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
import { formatMessage, pointerSegment, requiredMessage, typeMessage } from './runtime.ts';
import { MIN_SHARED_WEIGHT, Sharing } from './sharing.ts';
import { unescapeSegment } from '../core/pointer.ts';

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
  /** A runtime helper that records this error from its one parameter (and writes the message). */
  helper?: string;
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
/** The schemaPath of the schema a collecting function checks (parameter of shared ones). */
export const SCHEMA_PATH = new Name('s');

/** A boolean check of a subschema, see Cx.test. */
export interface Verdict {
  code: Code;
  ok: Code;
  failure: Code;
}
const PATH = new Name('p');

export interface FunctionUnit {
  name: Name;
  mode: Mode;
  target: Located;
  /** Checks a schema that may be found at several places (a shared or an inline subschema): a
   * collecting one takes its schemaPath as the parameter `s`. */
  shared: boolean;
  /** Inlines only small subschemas and calls functions for the others (every collecting
   * function, and checking functions made for them); the other checking functions (entries,
   * `$ref` targets, shared schemas: what `isX` runs) inline every subschema that is not shared. */
  compact: boolean;
  /** The parameter holding the value, and the function body, once compiled. */
  data?: Name;
  body?: Code;
  calls: Set<FunctionUnit>;
  /** Why the schema cannot be compiled (the function is then left out). */
  error?: ValidatorCompileError;
}

/** Where schemaPaths of a function are relative to: its schema's location, held in `s`. */
interface SchemaPathBase {
  at: string;
  used: boolean;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A name saying what a small schema checks (`string_uri`, `integer`), when it only has a type
 * and maybe a format (and annotations). */
function leafName(schema: SchemaNode): string | undefined {
  if (!isObject(schema)) return undefined;
  const type = schema.type;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) && type.every((t) => typeof t === 'string') ? (type as string[]) : undefined;
  if (!types) return undefined;
  const parts = [...types];
  for (const key of Object.keys(schema)) {
    if (key === 'type' || ANNOTATION_KEYS.has(key) || key.startsWith('x-')) continue;
    if (key === 'format' && typeof schema.format === 'string') parts.push(schema.format);
    else if (key === 'nullable' && schema.nullable === true) parts.push('null');
    else return undefined;
  }
  return parts.join('_');
}
const ANNOTATION_KEYS = new Set(['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', '$comment']);

/** Module-wide state: hoisted constants, used runtime helpers, the shared functions. */
export class ModuleGen {
  readonly helpers = new Set<string>();
  readonly constants: { name: Name; init: Code; type?: string; rows?: Code[] }[] = [];
  readonly units: FunctionUnit[] = [];
  private readonly constantKeys = new Map<string, Name>();
  private readonly unitsByNode = new Map<unknown, Map<Mode, FunctionUnit>>();
  private readonly baseNames = new Map<unknown, string>();
  private readonly usedBaseNames = new Set<string>();
  private readonly pending: FunctionUnit[] = [];
  private current: FunctionUnit | undefined;
  readonly sharing: Sharing;

  constructor(
    readonly index: SchemaIndex,
    readonly rules: DialectRules,
  ) {
    this.sharing = new Sharing(index);
  }

  /** A runtime helper (runtime.ts) the module will carry. */
  helper(name: string): Name {
    this.helpers.add(name);
    return new Name(name);
  }

  private constant(key: string, prefix: string, init: () => Code, type?: string, rows?: Code[]): Name {
    const existing = this.constantKeys.get(key);
    if (existing) return existing;
    const name = new Name(`${prefix}${this.constants.length}`);
    this.constants.push({ name, init: init(), type, rows });
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

  /** A collecting function's table of properties (runtime.ts `collectProperties`). */
  propertyTable(rows: Code[]): Name {
    const init = _`[${join(rows, ', ')}]`;
    this.helper('PropertyTable');
    return this.constant(`props:${init.text}`, 'P', () => init, 'PropertyTable', rows);
  }

  /** A Set of primitive values. */
  set(values: (string | number | boolean | null)[]): Name {
    const text = JSON.stringify(values);
    return this.constant(`set:${text}`, 'S', () => _`new Set<unknown>([${join(values.map(literal), ', ')}])`);
  }

  /** The function checking `target` in `mode`, for an entry or a `$ref` target (created and
   * queued on first use). Schemas with the same shared key (sharing.ts) get the same function. */
  func(target: Located, mode: Mode, preferredName?: string): FunctionUnit {
    const sharedKey = this.sharing.sharedKey(target.schema);
    if (sharedKey !== undefined) return this.unit(`shared:${sharedKey}`, target, mode, true, mode === 'collect', preferredName);
    return this.unit(typeof target.schema === 'object' ? target.schema : target.at, target, mode, false, mode === 'collect', preferredName);
  }

  /** The function for an inline subschema, when it gets one: a shared schema always; any schema
   * but a small one when the caller is compact. Otherwise the caller inlines it. */
  inlineFunc(target: Located, mode: Mode, compactCaller: boolean): FunctionUnit | undefined {
    const sharedKey = this.sharing.sharedKey(target.schema, true);
    if (sharedKey !== undefined) return this.unit(`shared:${sharedKey}`, target, mode, true, mode === 'collect');
    if (!compactCaller || typeof target.schema !== 'object' || this.sharing.weight(target.schema) < MIN_SHARED_WEIGHT) return undefined;
    const key = this.sharing.key(target.schema);
    return this.unit(key !== undefined ? `compact:${key}` : this.compactKey(target.schema), target, mode, true, true);
  }

  /** What a schema that is only a `$ref` (beside annotations; in OpenAPI 3.0, beside anything)
   * refers to, following such references; undefined for any other schema. Its functions check
   * the schema, and report the errors, as the `$ref` would. */
  bareRefTarget(located: Located): Located | undefined {
    let target: Located | undefined;
    const seen = new Set<unknown>();
    for (let node = located; isObject(node.schema) && typeof node.schema.$ref === 'string' && !seen.has(node.schema); ) {
      const schema = node.schema;
      if (!this.rules.refOverridesSiblings && !Object.keys(schema).every((key) => key === '$ref' || ANNOTATION_KEYS.has(key) || key.startsWith('x-'))) break;
      seen.add(schema);
      const next = this.index.resolveRef(schema.$ref as string, node.base, childPointer(node.at, '$ref'));
      if (next.schema === true) break;
      target = node = next;
    }
    return target;
  }

  /** The functions of a subschema a collecting function calls through a table (any size). */
  subschemaFuncs(target: Located, mode: Mode): FunctionUnit {
    const unit = this.inlineFunc(target, mode, true);
    if (unit) return unit;
    const key = typeof target.schema === 'object' ? this.sharing.key(target.schema) : undefined;
    return this.unit(key !== undefined ? `compact:${key}` : typeof target.schema === 'object' ? this.compactKey(target.schema) : `bool:${target.schema}`, target, mode, true, true);
  }

  private readonly compactKeys = new WeakMap<object, string>();

  /** A key for an inline schema that has no canonical key (sharing.ts): its identity. */
  private compactKey(schema: object): string {
    let key = this.compactKeys.get(schema);
    if (!key) this.compactKeys.set(schema, (key = `node:${this.nodeKeyCount++}`));
    return key;
  }

  private nodeKeyCount = 0;

  private unit(key: unknown, target: Located, mode: Mode, shared: boolean, compact: boolean, preferredName?: string): FunctionUnit {
    let byMode = this.unitsByNode.get(key);
    if (!byMode) this.unitsByNode.set(key, (byMode = new Map()));
    let unit = byMode.get(mode);
    if (!unit) {
      const base = this.baseName(key, target, preferredName);
      unit = { name: new Name(`${mode === 'is' ? 'check' : 'collect'}_${base}`), mode, target, shared, compact, calls: new Set() };
      byMode.set(mode, unit);
      this.units.push(unit);
      this.pending.push(unit);
    }
    this.current?.calls.add(unit);
    return unit;
  }

  private baseName(key: unknown, target: Located, preferred?: string): string {
    const known = this.baseNames.get(key);
    if (known) return known;
    let stem = preferred ?? leafName(target.schema);
    if (!stem) {
      const segments = target.at.split('/');
      stem = segments.length > 1 ? unescapeSegment(decodeURIComponent(segments[segments.length - 1]!)) : 'root';
    }
    const clean = sanitizeIdentifier(stem);
    let name = clean;
    for (let n = 2; this.usedBaseNames.has(name); n++) name = `${clean}_${n}`;
    this.usedBaseNames.add(name);
    this.baseNames.set(key, name);
    return name;
  }

  /** Compiles queued functions until none are left. A schema that cannot be compiled leaves its
   * unit with an `error` (and no body); the others compile on. */
  compilePending(): void {
    while (this.pending.length) {
      const unit = this.pending.shift()!;
      this.current = unit;
      const names = new Names();
      const data = names.next('d');
      const exit = _`return false`;
      const base: SchemaPathBase = { at: unit.target.at, used: false };
      const cx = new Cx(this, names, unit.target.schema, unit.target.at, unit.target.base, data, InstancePath.of(PATH), unit.mode, exit, undefined, 0, base, unit.compact);
      try {
        compileSchema(cx);
        unit.data = data;
        const body = cx.code();
        // A function checking one place knows its schemaPath; a shared one is told (parameter `s`).
        unit.body = base.used && !unit.shared ? _`const ${SCHEMA_PATH} = ${unit.target.at};\n${body}` : body;
      } catch (error) {
        if (error instanceof ValidatorCompileError) unit.error = error;
        else if (error instanceof RangeError) unit.error = new ValidatorCompileError('schema is too deeply nested to compile', unit.target.at);
        else throw error;
      }
      this.current = undefined;
    }
  }

  /** The units that cannot be compiled, and those that call them (directly or not), with why. */
  broken(): Map<FunctionUnit, ValidatorCompileError> {
    const result = new Map<FunctionUnit, ValidatorCompileError>();
    for (const unit of this.units) if (unit.error) result.set(unit, unit.error);
    for (let changed = result.size > 0; changed; ) {
      changed = false;
      for (const unit of this.units) {
        if (result.has(unit)) continue;
        for (const callee of unit.calls) {
          const error = result.get(callee);
          if (error) {
            result.set(unit, error);
            changed = true;
            break;
          }
        }
      }
    }
    return result;
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
    if (unit.mode === 'is') return { params: [data], returnType: 'boolean' };
    const params = [data, { name: PATH.text, type: 'string' }, { name: ERRORS.text, type: 'ValidationError[]' }];
    if (unit.shared) params.push({ name: SCHEMA_PATH.text, type: 'string' });
    return { params, returnType: 'void' };
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
  /** While the code is exactly one `if (failure) action` made by `check`: its parts. */
  private single: { failure: Code; action: Code } | undefined;

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
    private readonly schemaPathBase: SchemaPathBase,
    /** This function inlines only small subschemas (see FunctionUnit.compact). */
    readonly compact: boolean,
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
    this.single = undefined;
  }

  code(): Code {
    return join(this.out, '\n');
  }

  /** The parts of the code when it is one `if (failure) action` statement made by `check`. */
  singleCheck(): { failure: Code; action: Code } | undefined {
    return this.out.length === 1 ? this.single : undefined;
  }

  /** The failure conditions when this code is nothing but checks (`is` mode), else undefined. */
  pureConditions(): Code[] | undefined {
    return this.mode === 'is' ? this.conds : undefined;
  }

  /** The schemaPath `at` (a location in this function's schema) as code: relative to `s`. */
  schemaPath(at: string): Code {
    const base = this.schemaPathBase;
    if (at === base.at || at.startsWith(`${base.at}/`)) {
      base.used = true;
      return at === base.at ? SCHEMA_PATH : _`${SCHEMA_PATH} + ${at.slice(base.at.length)}`;
    }
    return literal(at);
  }

  /** The statement for a failure in this mode: exit, or record the error through a runtime helper
   * (the common errors have short forms whose message the helper writes). */
  error(spec: ErrorSpec): Code {
    if (this.mode === 'is') return _`${this.exit};`;
    const params = (typeof spec.params === 'function' ? spec.params() : spec.params) ?? {};
    const path = (spec.path ?? this.path).code();
    const at = this.schemaPath(spec.at ?? this.atKeyword(spec.keyword));
    const keys = Object.keys(params);
    if (spec.helper && keys.length === 1) {
      const value = params[keys[0]!]!;
      return _`${this.mod.helper(spec.helper)}(${ERRORS}, ${path}, ${at}, ${value instanceof Code ? value : literal(value as string)});`;
    }
    if (keys.length === 1 && typeof spec.message === 'string') {
      const value = params[keys[0]!];
      for (const form of SHORT_FORMS) {
        if (form.keyword === spec.keyword && form.param === keys[0] && typeof value === 'string' && form.message(value) === spec.message) {
          return _`${this.mod.helper(form.helper)}(${ERRORS}, ${path}, ${at}, ${value});`;
        }
      }
    }
    const message = spec.message instanceof Code ? spec.message : literal(spec.message);
    return _`${this.mod.helper('fail')}(${ERRORS}, ${path}, ${at}, ${spec.keyword}, ${paramsCode(params)}, ${message});`;
  }

  /** Fails when `failure` (code) is true. */
  check(failure: Code, spec: ErrorSpec): void {
    if (this.mode === 'is') {
      const conds = this.conds;
      this.out.push(_`if (${failure}) ${this.exit};`);
      conds?.push(failure);
    } else {
      const action = this.error(spec);
      const first = this.out.length === 0;
      this.emit(_`if (${failure}) ${action}`);
      if (first) this.single = { failure, action };
    }
  }

  /** A context for the same schema and data with its own code buffer. */
  fork(known: JsonType | undefined): Cx {
    return new Cx(this.mod, this.names, this.schema, this.at, this.base, this.data, this.path, this.mode, this.exit, known, this.depth, this.schemaPathBase, this.compact);
  }

  /** Compiles a subschema (at `segments` below this one) for `data`, returning its context: the
   * code inline, or a call of the subschema's function (see ModuleGen.inlineFunc). */
  sub(schema: unknown, segments: (string | number)[], data: Name, path: InstancePath, options: { mode?: Mode; exit?: Code; known?: JsonType } = {}): Cx {
    const at = this.atKeyword(...segments);
    if (this.depth + 1 > MAX_SCHEMA_DEPTH) throw new ValidatorCompileError(`schema nesting is deeper than ${MAX_SCHEMA_DEPTH} levels`, at);
    const base = this.mod.index.locate(schema)?.base ?? this.base;
    const child = new Cx(this.mod, this.names, asSchema(schema, at), at, base, data, path, options.mode ?? this.mode, options.exit ?? this.exit, options.known, this.depth + 1, this.schemaPathBase, this.compact);
    const target = { schema: child.schema, at, base };
    const unit = this.mod.inlineFunc(target, child.mode, this.compact);
    if (unit) child.call(unit, child.mode === 'collect' ? this.mod.inlineFunc(target, 'is', this.compact)! : unit, at);
    else compileSchema(child);
    return child;
  }

  /** The checking and collecting functions of a subschema (at `segments` below this one), and
   * the schemaPath they are called with: a bare `$ref` is its target's functions. */
  funcsFor(schema: unknown, segments: (string | number)[]): { check: FunctionUnit; collect: FunctionUnit; at: string } {
    const at = this.atKeyword(...segments);
    const node = asSchema(schema, at);
    const located = { schema: node, at, base: this.mod.index.locate(schema)?.base ?? this.base };
    const target = this.mod.bareRefTarget(located);
    if (target) return { check: this.mod.func(target, 'is'), collect: this.mod.func(target, 'collect'), at: target.at };
    return { check: this.mod.subschemaFuncs(located, 'is'), collect: this.mod.subschemaFuncs(located, 'collect'), at };
  }

  /** A call of the function that checks the schema at `at` (a `$ref` target or a subschema with
   * a function). Collecting, the checking function `check` runs first and the collecting one
   * only when the value failed: most values are valid, and their paths are never built. */
  call(unit: FunctionUnit, check: FunctionUnit, at: string): void {
    if (this.mode === 'is') {
      this.check(_`!${unit.name}(${this.data})`, { keyword: '$ref', message: '' });
    } else {
      const schemaPath = unit.shared ? _`, ${this.schemaPath(at)}` : new Code('');
      const action = _`${unit.name}(${this.data}, ${this.path.code()}, ${ERRORS}${schemaPath});`;
      const failure = _`!${check.name}(${this.data})`;
      const first = this.out.length === 0;
      this.emit(_`if (${failure}) ${action}`);
      if (first) this.single = { failure, action };
    }
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

/** Errors whose message follows from their one parameter: a runtime helper writes them. */
const SHORT_FORMS: { keyword: string; param: string; message: (value: string) => string; helper: string }[] = [
  { keyword: 'type', param: 'type', message: typeMessage, helper: 'failType' },
  { keyword: 'required', param: 'missingProperty', message: requiredMessage, helper: 'failRequired' },
  { keyword: 'format', param: 'format', message: formatMessage, helper: 'failFormat' },
];

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
    if (inner.out.length) cx.emit(_`if (${type.failure}) {\n${cx.error(type.error)}\n} else {\n${inner.code()}\n}`);
    else cx.check(type.failure, type.error);
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
