// Validation of example values against the schema they illustrate, by the project's own validator
// interpreter (generator/validators, OpenAPI 3.0 and 3.1 dialects) whatever the file layout: when
// every ref of the schema stays in the root document it reads that document; otherwise each schema
// reached is copied once into one document of its own (`#/$defs/sN`), its `$ref`s rewritten to
// those copies, so refs across files work and the verdict never depends on the layout. 3.0 is
// read by the interpreter's 3.0 dialect either way (no hand translation).
// One validator serves one version of a workspace. Verdicts of the root document's schemas can be
// kept across versions (`ExampleVerdicts`, the language server's): the same schema object and
// example value, with every `$ref` it followed resolving to the same objects, give the same errors.
import { appendPointer, child, fragmentSegments, isObject } from '../core/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { reduceErrors, type VerboseError } from './ajv-errors.ts';
import { schemaApplicators } from '../core/grammar.ts';
import { interpret, interpretedAlike, interpretRecording, ValidatorCompileError, type Dialect, type InterpretDeps, type ValidationError } from '../validators/index.ts';

interface Verdict {
  value: unknown;
  dialect: Dialect;
  deps: InterpretDeps;
  errors: ValidationError[];
}

/** Past verdicts, by schema object: parsed values are never mutated, and an edited entry of a file is a new object. */
export class ExampleVerdicts {
  private readonly bySchema = new WeakMap<object, Verdict[]>();
  /** counts, for tests */
  readonly stats = { hits: 0, misses: 0 };

  /** The raw errors of `value` against `schema` in `root`, as interpret gives them (a copy each time). */
  errors(schema: object, root: object, value: unknown, dialect: Dialect): ValidationError[] {
    const list = this.bySchema.get(schema);
    if (list) {
      for (const v of list) {
        if (Object.is(v.value, value) && v.dialect === dialect && interpretedAlike(v.deps, schema, root)) {
          this.stats.hits++;
          return v.errors.map((e) => ({ ...e }));
        }
      }
    }
    this.stats.misses++;
    const { errors, deps } = interpretRecording(schema, root, value, dialect);
    if (deps) {
      // the verdict replaces one of the same value (whose deps changed); a few values per schema at most
      const kept = (list ?? []).filter((v) => !Object.is(v.value, value) || v.dialect !== dialect).slice(-63);
      kept.push({ value, dialect, deps, errors: errors.map((e) => ({ ...e })) });
      this.bySchema.set(schema, kept);
    }
    return errors;
  }
}

/** Who reads the example: required readOnly properties are not sent in requests, writeOnly not in responses. */
export type Direction = 'request' | 'response' | 'any';

export class ExampleValidator {
  private readonly ids = new Map<string, string>();
  private readonly defs: Record<string, unknown> = {};
  private readonly queue: { id: string; loc: Loc; value: unknown }[] = [];
  /** the document of copies; a new object whenever copies were added, so its index is rebuilt */
  private copies: Record<string, unknown> = { $defs: this.defs };
  private readonly dialect: Dialect;

  constructor(
    private readonly ws: Workspace,
    version: '3.0' | '3.1',
    private readonly verdicts?: ExampleVerdicts,
  ) {
    this.dialect = version === '3.0' ? 'openapi-3.0' : 'openapi-3.1';
  }

  /** The errors of `value` against the schema at `loc`; undefined when the schema cannot be compiled. */
  validate(loc: Loc, schema: unknown, value: unknown, direction: Direction): VerboseError[] | undefined {
    if (!isObject(schema) && typeof schema !== 'boolean') return undefined;
    const root = this.ws.root.value;
    if (loc.file === this.ws.root.path && isObject(root)) {
      try {
        const raw = this.verdicts && typeof schema === 'object' ? this.verdicts.errors(schema, root, value, this.dialect) : interpret(schema, root, value, this.dialect);
        return this.reduce(raw as VerboseError[], root, direction);
      } catch (error) {
        if (!(error instanceof ValidatorCompileError)) throw error;
        // a ref to another file: the copies below
      }
    }
    const id = this.idOf(loc, schema);
    if (this.queue.length) {
      this.drain();
      this.copies = { $defs: this.defs };
    }
    try {
      return this.run(this.defs[id] as object | boolean, this.copies, value, direction);
    } catch (error) {
      if (!(error instanceof ValidatorCompileError)) throw error;
      return undefined; // a pattern that cannot compile, a dangling ref: other rules say so
    }
  }

  private run(schema: object | boolean, root: Record<string, unknown>, value: unknown, direction: Direction): VerboseError[] {
    return this.reduce(interpret(schema, root, value, this.dialect) as VerboseError[], root, direction);
  }

  private reduce(errors: VerboseError[], root: Record<string, unknown>, direction: Direction): VerboseError[] {
    for (const e of errors) if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'not') e.schema = schemaAt(root, e.schemaPath);
    return reduceErrors(errors.filter((e) => !skipped(e, direction, root)));
  }

  private idOf(loc: Loc, value: unknown): string {
    const key = loc.file + '#' + loc.pointer;
    let id = this.ids.get(key);
    if (!id) {
      id = 's' + this.ids.size;
      this.ids.set(key, id);
      this.queue.push({ id, loc, value });
    }
    return id;
  }

  private drain(): void {
    while (this.queue.length) {
      const { id, loc, value } = this.queue.shift()!;
      this.defs[id] = this.copy(value, loc);
    }
  }

  /** `value` with its `$ref`s pointing at the copies of their targets (queued), identity keywords dropped. */
  private copy(value: unknown, loc: Loc): unknown {
    if (!isObject(value)) return typeof value === 'boolean' ? value : true;
    if (typeof value.$ref === 'string') {
      const r = this.ws.resolveRef(loc.file, value.$ref);
      const ref = r.ok ? '#/$defs/' + this.idOf(r.target.loc, r.target.value) : undefined;
      // 3.0: a $ref hides its siblings; a dangling ref constrains nothing here (ref rules report it)
      if (this.dialect === 'openapi-3.0') return ref ? { $ref: ref } : true;
      if (ref) value = { ...value, $ref: ref };
      else {
        const { $ref: _, ...rest } = value;
        value = rest;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const applicator = schemaApplicators[k];
      const at = (...s: (string | number)[]) => ({ file: loc.file, pointer: appendPointer(loc.pointer, ...s) });
      if (k === '$id' || k === '$schema' || k === '$anchor' || k === '$dynamicAnchor' || k === '$dynamicRef') continue;
      if (applicator === 'one') out[k] = this.copy(v, at(k));
      else if (applicator === 'list') out[k] = Array.isArray(v) ? v.map((x, i) => this.copy(x, at(k, i))) : v;
      else if (applicator === 'map') out[k] = isObject(v) ? Object.fromEntries(Object.entries(v).map(([n, x]) => [n, this.copy(x, at(k, n))])) : v;
      else out[k] = v;
    }
    return out;
  }
}

/** A missing required property that the direction does not send. */
function skipped(e: VerboseError, direction: Direction, root: Record<string, unknown>): boolean {
  if (e.keyword !== 'required' || direction === 'any') return false;
  const parent = schemaAt(root, e.schemaPath.replace(/\/required$/, ''));
  if (!isObject(parent)) return false;
  const props = parent.properties;
  let prop = isObject(props) ? props[String(e.params.missingProperty)] : undefined;
  for (let i = 0; i < 8 && isObject(prop) && typeof prop.$ref === 'string' && prop.readOnly === undefined && prop.writeOnly === undefined; i++) {
    prop = prop.$ref.startsWith('#') ? schemaAt(root, prop.$ref) : undefined;
  }
  if (!isObject(prop)) return false;
  return direction === 'request' ? prop.readOnly === true : prop.writeOnly === true;
}

/** The node of `root` at a URI-fragment JSON pointer (`#/components/schemas/Pet/required`). */
function schemaAt(root: unknown, fragment: string): unknown {
  const segments = fragmentSegments(fragment);
  if (!segments) return undefined;
  let node = root;
  for (const seg of segments) {
    node = child(node, seg);
    if (node === undefined) return undefined;
  }
  return node;
}
