// Validation of example values against the schema they illustrate: by the project's validator
// interpreter (generator/validators, OpenAPI 3.0 and 3.1 dialects) when the schema's refs stay in
// the root document, else by Ajv (JSON Schema 2020-12). For Ajv each schema reached is copied once
// into its own Ajv resource, its `$ref`s rewritten to those
// resources (so refs across files and into any part of a document work), and OpenAPI 3.0's
// dialect translated (nullable, boolean exclusiveMinimum/Maximum, $ref hiding its siblings).
// One validator serves one version of a workspace; each schema compiles once within it.
import { createRequire } from 'node:module';
import type Ajv2020Module from 'ajv/dist/2020.js';
import { appendPointer, child, fragmentSegments, isObject } from '../core/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { reduceErrors, type VerboseError } from './ajv-errors.ts';
import type { ValidateFunction } from './openapi-schemas.ts';
import { schemaApplicators } from '../core/grammar.ts';
import { interpret, ValidatorCompileError } from '../validators/index.ts';

const require = createRequire(import.meta.url);
type Ajv = InstanceType<typeof Ajv2020Module.default>;
const base = 'https://oaskit.invalid/schema/';

/** Who reads the example: required readOnly properties are not sent in requests, writeOnly not in responses. */
export type Direction = 'request' | 'response' | 'any';

export class ExampleValidator {
  /** Ajv, loaded on the first schema the interpreter does not take (most specs never need it) */
  private ajvInstance: Ajv | undefined;
  private get ajv(): Ajv {
    const Ajv2020 = (require('ajv/dist/2020.js') as typeof Ajv2020Module).default;
    return (this.ajvInstance ??= new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: false, validateSchema: false }));
  }
  private readonly ids = new Map<string, string>();
  private readonly converted = new Map<string, unknown>();
  private readonly queue: { id: string; loc: Loc; value: unknown }[] = [];
  private readonly compiled = new Map<string, ValidateFunction | null>();

  /** false: Ajv only (the interpreter's differential tests use it) */
  constructor(
    private readonly ws: Workspace,
    private readonly version: '3.0' | '3.1',
    private readonly interpreter = true,
  ) {}

  /** The errors of `value` against the schema at `loc`; undefined when the schema cannot be compiled. */
  validate(loc: Loc, schema: unknown, value: unknown, direction: Direction): VerboseError[] | undefined {
    // the project's own interpreter, when every ref stays in the one document it reads
    const root = this.ws.root.value;
    if (this.interpreter && loc.file === this.ws.root.path && (isObject(schema) || typeof schema === 'boolean') && isObject(root)) {
      try {
        const errors = interpret(schema, root, value, this.version === '3.0' ? 'openapi-3.0' : 'openapi-3.1') as VerboseError[];
        for (const e of errors) if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'not') e.schema = schemaAt(root, e.schemaPath);
        return reduceErrors(errors.filter((e) => !this.skipped(e, direction, root)));
      } catch (error) {
        if (!(error instanceof ValidatorCompileError)) throw error;
        // a construct the interpreter does not take (a ref to another file): Ajv below
      }
    }
    const validate = this.validatorFor(loc, schema);
    if (!validate) return undefined;
    if (validate(value)) return [];
    const errors = ((validate.errors ?? []) as VerboseError[]).filter((e) => !this.skipped(e, direction));
    return reduceErrors(errors);
  }

  private validatorFor(loc: Loc, schema: unknown): ValidateFunction | undefined {
    const id = this.idOf(loc, schema);
    let v = this.compiled.get(id);
    if (v === undefined) {
      try {
        this.drain();
        v = (this.ajv.getSchema(base + id) as ValidateFunction | undefined) ?? null;
      } catch {
        v = null; // a pattern Ajv cannot compile, an unsupported keyword: oas-schema's business
      }
      this.compiled.set(id, v);
    }
    return v ?? undefined;
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
      const schema = this.convert(value, loc);
      this.converted.set(base + id, schema);
      this.ajv.addSchema(isObject(schema) ? { ...schema, $id: base + id } : { $id: base + id, ...(schema === false ? { not: {} } : {}) });
    }
  }

  private convert(value: unknown, loc: Loc): unknown {
    if (!isObject(value)) return typeof value === 'boolean' ? value : true;
    if (typeof value.$ref === 'string') {
      const r = this.ws.resolveRef(loc.file, value.$ref);
      const ref = r.ok ? base + this.idOf(r.target.loc, r.target.value) : undefined;
      if (this.version === '3.0') return ref ? { $ref: ref } : true;
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
      if (applicator === 'one') out[k] = this.convert(v, at(k));
      else if (applicator === 'list') out[k] = Array.isArray(v) ? v.map((x, i) => this.convert(x, at(k, i))) : v;
      else if (applicator === 'map') out[k] = isObject(v) ? Object.fromEntries(Object.entries(v).map(([n, x]) => [n, this.convert(x, at(k, n))])) : v;
      else out[k] = v;
    }
    if (this.version === '3.0') from30(out);
    return out;
  }

  /** A missing required property that the direction does not send. */
  private skipped(e: VerboseError, direction: Direction, root?: Record<string, unknown>): boolean {
    if (e.keyword !== 'required' || direction === 'any') return false;
    const parent = root ? schemaAt(root, e.schemaPath.replace(/\/required$/, '')) : e.parentSchema;
    if (!isObject(parent)) return false;
    const props = parent.properties;
    let prop = isObject(props) ? props[String(e.params.missingProperty)] : undefined;
    for (let i = 0; i < 8 && isObject(prop) && typeof prop.$ref === 'string' && prop.readOnly === undefined && prop.writeOnly === undefined; i++) {
      prop = root ? (prop.$ref.startsWith('#') ? schemaAt(root, prop.$ref) : undefined) : this.converted.get(prop.$ref);
    }
    if (!isObject(prop)) return false;
    return direction === 'request' ? prop.readOnly === true : prop.writeOnly === true;
  }
}

/** OpenAPI 3.0's schema dialect, in 2020-12 terms. */
function from30(s: Record<string, unknown>): void {
  if (s.type === 'file' || (typeof s.type === 'string' && !['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'].includes(s.type))) delete s.type;
  if (s.nullable === true) {
    if (typeof s.type === 'string') s.type = [s.type, 'null'];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
  }
  delete s.nullable;
  for (const [flag, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (s[flag] === true && typeof s[limit] === 'number') {
      s[flag] = s[limit];
      delete s[limit];
    } else if (typeof s[flag] === 'boolean') delete s[flag];
  }
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
