// Differential fuzzing of oaskit's validators against Ajv: for every component schema of an
// OpenAPI document (or every $defs entry of a bare schema), generate payloads from the schema
// (examples first, then values built from the keywords), mutate them into near-valid ones (drop
// a required field, change a type, exceed a limit, add an unknown property), and compare the
// verdicts of oaskit's compiled validateX / isX, its interpreter, and Ajv. Seeded: the same seed
// gives the same payloads.
//
// Ajv setup: Ajv2020 for 3.1 and bare 2020-12 documents, Ajv (draft-07) for 3.0, both with
// ajv-formats, `strict: false` (OpenAPI keywords are ignored) and `multipleOfPrecision: 9`
// (without it Ajv calls 0.3 not a multiple of 0.1, and with 12 digits it still rejects 277.71 as a
// multiple of 0.01; oaskit's float-safe multipleOf accepts both).
// Ajv has no OpenAPI 3.0 mode, so for 3.0 documents its copy gets the 3.0 rules rewritten in
// plain JSON Schema: boolean exclusiveMinimum/Maximum become numbers and siblings of $ref are
// dropped (`nullable` Ajv supports itself).
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { emitValidatorModule, interpret, type Dialect } from '../../generator/validators/index.ts';
import { importModule, type Guard, type Validate } from './harness.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

type Obj = Record<string, unknown>;

export interface FuzzOptions {
  seed: number;
  /** Valid-ish payloads per schema (each also mutated once). */
  runs: number;
}

export interface Disagreement {
  schema: string;
  payload: unknown;
  oaskit: boolean;
  ajv: boolean;
  errors: unknown;
}

export interface FuzzReport {
  schemas: number;
  payloads: number;
  /** Payloads oaskit (and Ajv) found valid / invalid. */
  valid: number;
  invalid: number;
  disagreements: Disagreement[];
  /** oaskit's own paths (validate, is, interpreter) disagreeing with each other. */
  inconsistencies: Disagreement[];
}

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function dialectOf(doc: Obj): Dialect {
  const version = typeof doc.openapi === 'string' ? doc.openapi : undefined;
  if (!version) return '2020-12';
  return version.startsWith('3.0') ? 'openapi-3.0' : 'openapi-3.1';
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Obj)[segment] : undefined;
  }
  return node;
}

function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** Ajv's copy of a 3.0 document, with the 3.0-only rules spelled in plain JSON Schema. */
function forAjv30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv30);
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const result: Obj = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const' || key === 'default') result[key] = value;
    else result[key] = forAjv30(value);
  }
  // `nullable` without `type` means nothing in OpenAPI 3.0; Ajv refuses it.
  if (typeof result.nullable === 'boolean' && result.type === undefined) delete result.nullable;
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof result[flag] === 'boolean') {
      if (result[flag] === true && typeof result[bound] === 'number') {
        result[flag] = result[bound];
        delete result[bound];
      } else {
        delete result[flag];
      }
    }
  }
  return result;
}

const FORMAT_SAMPLES: Record<string, unknown[]> = {
  'date-time': ['2013-07-16T19:20:30+01:00', '2024-02-29T23:59:59.123Z'],
  date: ['1988-02-14', '2000-02-29'],
  time: ['19:20:30Z', '08:00:00.5+02:00'],
  email: ['bob@example.com', 'first.last+tag@sub.example.org'],
  uri: ['https://example.com/path?q=1#frag', 'mailto:someone@example.com'],
  uuid: ['11ae5b4b-2445-4440-a04f-bf537764c9ad'],
  ipv4: ['192.168.0.1'],
  ipv6: ['2001:db8::1', '::1'],
  hostname: ['api.example.com'],
};

class Generator {
  constructor(
    private readonly root: Obj,
    private readonly random: () => number,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** The schema behind $refs (a plain $ref schema only). */
  deref(schema: unknown, depth = 0): unknown {
    if (isObject(schema) && typeof schema.$ref === 'string' && depth < 20) {
      const target = resolvePointer(this.root, schema.$ref);
      const { $ref: _ref, ...rest } = schema;
      const resolved = this.deref(target, depth + 1);
      return Object.keys(rest).length && isObject(resolved) ? { ...resolved, ...rest, allOf: [...((resolved.allOf as unknown[]) ?? []), ...((rest.allOf as unknown[]) ?? [])] } : resolved;
    }
    return schema;
  }

  typesOf(schema: Obj): string[] {
    const type = schema.type;
    const list = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : [];
    if (schema.nullable === true && list.length) list.push('null');
    return list;
  }

  /** A value built to satisfy the schema (not guaranteed: patterns are only met through examples). */
  value(input: unknown, depth: number): unknown {
    const schema = this.deref(input);
    if (schema === true || schema === undefined) return this.pick(['x', 1, true, null, {}]);
    if (!isObject(schema)) return null;
    const examples = [...(Array.isArray(schema.examples) ? schema.examples : []), ...(schema.example !== undefined ? [schema.example] : [])];
    if (examples.length && this.chance(0.6)) return clone(this.pick(examples));
    if (schema.const !== undefined) return clone(schema.const);
    if (Array.isArray(schema.enum) && schema.enum.length) return clone(this.pick(schema.enum));
    if (schema.default !== undefined && this.chance(0.3)) return clone(schema.default);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(schema[keyword]) && (schema[keyword] as unknown[]).length) {
        const branch = this.deref(this.pick(schema[keyword] as unknown[]));
        const { [keyword]: _branches, discriminator: _d, ...rest } = schema;
        return this.value(isObject(branch) ? this.merge(rest, branch) : branch, depth + 1);
      }
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length) {
      const { allOf, ...rest } = schema;
      let merged: Obj = rest;
      for (const branch of allOf as unknown[]) {
        const resolved = this.deref(branch);
        if (isObject(resolved)) merged = this.merge(merged, resolved);
      }
      return this.value(merged, depth + 1);
    }
    const types = this.typesOf(schema);
    const type = types.length ? this.pick(types) : schema.properties || schema.required ? 'object' : schema.items || schema.prefixItems ? 'array' : this.pick(['string', 'number', 'boolean']);
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return this.chance(0.5);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'string':
        return this.string(schema);
      case 'array':
        return this.array(schema, depth);
      default:
        return this.object(schema, depth);
    }
  }

  merge(a: Obj, b: Obj): Obj {
    const result: Obj = { ...a, ...b };
    if (isObject(a.properties) || isObject(b.properties)) result.properties = { ...((a.properties as Obj) ?? {}), ...((b.properties as Obj) ?? {}) };
    if (Array.isArray(a.required) || Array.isArray(b.required)) result.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
    if (a.type !== undefined && b.type === undefined) result.type = a.type;
    return result;
  }

  number(schema: Obj, integer: boolean): number {
    const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -1000;
    const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : Math.max(min, 0) + 1000;
    if (typeof schema.multipleOf === 'number') {
      const m = schema.multipleOf;
      const k = Math.ceil(min / m) + Math.floor(this.random() * Math.max(1, Math.floor((max - min) / m)));
      return Number((k * m).toFixed(10));
    }
    const value = min + this.random() * Math.max(0, max - min);
    return integer || schema.format === 'int32' || schema.format === 'int64' ? Math.min(max, Math.max(min, Math.round(value))) : Number(value.toFixed(3));
  }

  string(schema: Obj): string {
    const samples = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
    if (samples) return this.pick(samples) as string;
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : min + 12;
    const length = Math.min(max, min + Math.floor(this.random() * 8));
    return Array.from({ length }, () => this.pick([...'abcdefxyz'])).join('');
  }

  array(schema: Obj, depth: number): unknown[] {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + 3;
    const length = depth > 4 ? min : Math.min(max, min + Math.floor(this.random() * 3));
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    const items = Array.from({ length: Math.max(length, 0) }, (_, i) => this.value(i < prefix.length ? prefix[i] : schema.items, depth + 1));
    return schema.uniqueItems === true ? items.filter((item, i) => items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === i) : items;
  }

  object(schema: Obj, depth: number): Obj {
    const result: Obj = {};
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const name of Object.keys(properties)) {
      if (required.has(name) || (depth < 4 && this.chance(0.5))) result[name] = this.value(properties[name], depth + 1);
    }
    for (const name of required) if (!(name in result)) result[name] = 'x';
    if (isObject(schema.additionalProperties) && depth < 4 && this.chance(0.4)) result[`extra_${Math.floor(this.random() * 100)}`] = this.value(schema.additionalProperties, depth + 1);
    return result;
  }

  /** A near-valid copy: one change somewhere along a random path of the payload. */
  mutate(value: unknown, input: unknown, depth = 0): unknown {
    const schema = this.deref(input);
    const s = isObject(schema) ? schema : {};
    if (isObject(value) && depth < 6) {
      const keys = Object.keys(value).filter((key) => value[key] !== undefined);
      const properties = isObject(s.properties) ? s.properties : {};
      if (keys.length && this.chance(0.6)) {
        const key = this.pick(keys);
        const childSchema = key in properties ? properties[key] : s.additionalProperties;
        return { ...value, [key]: this.mutate(value[key], childSchema, depth + 1) };
      }
      const required = Array.isArray(s.required) ? (s.required as string[]).filter((name) => name in value) : [];
      const kind = this.pick(['drop', 'unknown', 'type'] as const);
      if (kind === 'drop' && required.length) {
        const copy = { ...value };
        delete copy[this.pick(required)];
        return copy;
      }
      if (kind === 'unknown') return { ...value, unexpected_property: this.pick(['x', 1, null, {}]) };
      return this.pick([[], 'not an object', 1]);
    }
    if (Array.isArray(value) && depth < 6) {
      if (value.length && this.chance(0.6)) {
        const i = Math.floor(this.random() * value.length);
        const copy = [...value];
        copy[i] = this.mutate(copy[i], Array.isArray(s.prefixItems) && i < s.prefixItems.length ? s.prefixItems[i] : s.items, depth + 1);
        return copy;
      }
      if (typeof s.maxItems === 'number') return [...value, ...Array.from({ length: s.maxItems + 1 - value.length }, () => clone(value[0] ?? null))];
      return this.pick([{}, 'not an array']);
    }
    if (typeof value === 'string') {
      if (typeof s.maxLength === 'number' && this.chance(0.5)) return value + 'x'.repeat(s.maxLength + 1 - value.length);
      if (Array.isArray(s.enum)) return `${value}_not_in_enum`;
      return this.pick([42, null, true, `${value}~`]);
    }
    if (typeof value === 'number') {
      if (typeof s.maximum === 'number' && this.chance(0.5)) return s.maximum + 1;
      if (typeof s.minimum === 'number' && this.chance(0.5)) return s.minimum - 1;
      if (typeof s.multipleOf === 'number' && this.chance(0.5)) return value + s.multipleOf / 2;
      return this.pick([String(value), value + 0.5, null]);
    }
    return this.pick(['x', 1, {}, []]);
  }
}

/** Fuzzes every component schema of `doc`; see the header comment. */
export async function fuzzAgainstAjv(doc: object, options: FuzzOptions): Promise<FuzzReport> {
  const root = doc as Obj;
  const dialect = dialectOf(root);
  const container = dialect === '2020-12' ? 'defs' : 'components';
  const names = Object.keys((container === 'defs' ? (root.$defs as Obj | undefined) : ((root.components as Obj | undefined)?.schemas as Obj | undefined)) ?? {}).sort();
  const pointers = names.map((name) => (container === 'defs' ? `#/$defs/${escape(name)}` : `#/components/schemas/${escape(name)}`));

  const source = await emitValidatorModule(
    pointers.map((pointer, i) => ({ name: `S${i}`, schema: pointer })),
    { root, dialect },
  );
  const module = (await importModule(source)) as Record<string, Validate | Guard>;

  const ajv = dialect === 'openapi-3.0' ? new Ajv({ strict: false, multipleOfPrecision: 9 }) : new Ajv2020({ strict: false, multipleOfPrecision: 9 });
  addFormats(ajv);
  const id = 'https://oaskit.invalid/fuzz-document.json';
  ajv.addSchema({ ...(dialect === 'openapi-3.0' ? (forAjv30(root) as Obj) : root), $id: id });
  const ajvChecks: ValidateFunction[] = pointers.map((pointer) => ajv.compile({ $ref: `${id}${pointer}` }));

  const report: FuzzReport = { schemas: names.length, payloads: 0, valid: 0, invalid: 0, disagreements: [], inconsistencies: [] };
  const random = prng(options.seed);
  const generator = new Generator(root, random);
  pointers.forEach((pointer, i) => {
    const schema = resolvePointer(root, pointer);
    const validate = module[`validateS${i}`] as Validate;
    const guard = module[`isS${i}`] as Guard;
    const check = (payload: unknown) => {
      report.payloads++;
      const result = validate(payload);
      const fast = guard(payload);
      const interpreted = interpret(schema as object, root, payload, dialect).length === 0;
      const theirs = ajvChecks[i]!(payload) as boolean;
      const errors = result.ok ? [] : result.errors;
      if (fast !== result.ok || interpreted !== result.ok) report.inconsistencies.push({ schema: names[i]!, payload, oaskit: result.ok, ajv: theirs, errors: { fast, interpreted, errors } });
      if (theirs !== result.ok) report.disagreements.push({ schema: names[i]!, payload, oaskit: result.ok, ajv: theirs, errors: { oaskit: errors, ajv: ajvChecks[i]!.errors } });
      if (result.ok) report.valid++;
      else report.invalid++;
    };
    for (let run = 0; run < options.runs; run++) {
      const payload = generator.value(schema, 0);
      check(payload);
      check(generator.mutate(payload, schema));
    }
  });
  return report;
}
