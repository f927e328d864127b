// What a value must satisfy, read off a conjunction of schema nodes: a node, its `$ref` target
// and its `allOf` members all apply at once, so they are merged into one view (types intersected,
// the tightest limits, properties from every member). Comparing views, not nodes, is what makes a
// property moved into an `allOf`, or a `$ref` renamed with the same content, no change at all.
// `oneOf`/`anyOf` are expanded into branches: one view per alternative, each merged with the
// constraints around it (capped; past the cap the comparer falls back to comparing the groups as
// written, conservatively).
import type { JsonType, Schema } from '../model/schema.ts';

export interface Bound {
  value: number;
  exclusive: boolean;
}

export interface Group {
  kind: 'oneOf' | 'anyOf';
  /** the node that has the keyword */
  owner: Schema;
  branches: Schema[];
}

export interface View {
  /** identifies the view for caches: the ids of its nodes, and which alternatives were taken */
  key: string;
  /** the nodes merged, outermost first (the first is where the view is written) */
  nodes: Schema[];
  /** for matching alternatives across specs: the alternative's name (a component's), or its discriminator value */
  label?: string;
  /** the label is a component's name or a discriminator value, not a position (`Pets.oneOf0`) */
  stable?: boolean;
  /** undefined: any type */
  types?: Set<JsonType>;
  /** an `enum` or `const` (intersected), as canonical JSON */
  enum?: Set<string>;
  formats: Set<string>;
  patterns: Set<string>;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  maxProperties?: number;
  minProperties?: number;
  max?: Bound;
  min?: Bound;
  multipleOf: number[];
  uniqueItems: boolean;
  /** every property named by `properties` or `required`, with the schemas that constrain it */
  properties: Map<string, Schema[]>;
  required: Set<string>;
  /** false: no other properties; else the schemas other properties must satisfy ([]: any) */
  additional: Schema[] | false;
  items: Schema[];
  prefixItems: Schema[][];
  groups: Group[];
  /** keywords compared as written (canonical text): not, if/then/else, contains, patternProperties… */
  other: Set<string>;
  defaults: Set<string>;
  discriminator?: string;
  readOnly: boolean;
  writeOnly: boolean;
  /** true when a `false` schema is among the nodes: nothing is valid */
  never: boolean;
  seen: Set<Schema>;
}

function emptyView(key: string): View {
  return {
    key,
    nodes: [],
    formats: new Set(),
    patterns: new Set(),
    multipleOf: [],
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    additional: [],
    items: [],
    prefixItems: [],
    groups: [],
    other: new Set(),
    defaults: new Set(),
    readOnly: false,
    writeOnly: false,
    never: false,
    seen: new Set(),
  };
}

function cloneView(v: View, key: string): View {
  return {
    ...v,
    key,
    nodes: [...v.nodes],
    types: v.types && new Set(v.types),
    enum: v.enum && new Set(v.enum),
    formats: new Set(v.formats),
    patterns: new Set(v.patterns),
    multipleOf: [...v.multipleOf],
    properties: new Map([...v.properties].map(([k, s]) => [k, [...s]])),
    required: new Set(v.required),
    additional: v.additional === false ? false : [...v.additional],
    items: [...v.items],
    prefixItems: v.prefixItems.map((p) => [...p]),
    groups: [...v.groups],
    other: new Set(v.other),
    defaults: new Set(v.defaults),
    seen: new Set(v.seen),
  };
}

/** JSON with sorted keys: equal values, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `integer` is a `number`: the types both sets allow. */
export function intersectTypes(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

/** Does `a` allow type `t` (integer counts as a number)? */
export function hasType(a: Set<JsonType>, t: JsonType): boolean {
  return a.has(t) || (t === 'integer' && a.has('number'));
}

const tighterUpper = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const tighterLower = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

function tighterBound(a: Bound | undefined, b: Bound | undefined, upper: boolean): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return (upper ? a.value < b.value : a.value > b.value) ? a : b;
  return a.exclusive ? a : b;
}

/** Adds one node (and what it implies: its `$ref` target, its `allOf` members) to a view. */
function addNode(v: View, s: Schema): void {
  if (v.seen.has(s)) return;
  v.seen.add(s);
  v.nodes.push(s);
  if (s.bool === false) v.never = true;
  if (s.bool !== undefined) return;
  if (s.type) {
    const t = new Set(s.type);
    v.types = v.types ? intersectTypes(v.types, t) : t;
  }
  const values = s.const ? [s.const.value] : s.enum;
  if (values) {
    const set = new Set(values.map(canonical));
    v.enum = v.enum ? new Set([...v.enum].filter((x) => set.has(x))) : set;
  }
  if (s.format !== undefined) v.formats.add(s.format);
  if (s.pattern !== undefined) v.patterns.add(s.pattern);
  v.maxLength = tighterUpper(v.maxLength, s.maxLength);
  v.maxItems = tighterUpper(v.maxItems, s.maxItems);
  v.maxProperties = tighterUpper(v.maxProperties, s.maxProperties);
  v.minLength = tighterLower(v.minLength, s.minLength);
  v.minItems = tighterLower(v.minItems, s.minItems);
  v.minProperties = tighterLower(v.minProperties, s.minProperties);
  if (s.maximum !== undefined) v.max = tighterBound(v.max, { value: s.maximum, exclusive: false }, true);
  if (s.exclusiveMaximum !== undefined) v.max = tighterBound(v.max, { value: s.exclusiveMaximum, exclusive: true }, true);
  if (s.minimum !== undefined) v.min = tighterBound(v.min, { value: s.minimum, exclusive: false }, false);
  if (s.exclusiveMinimum !== undefined) v.min = tighterBound(v.min, { value: s.exclusiveMinimum, exclusive: true }, false);
  if (s.multipleOf !== undefined) v.multipleOf.push(s.multipleOf);
  if (s.uniqueItems) v.uniqueItems = true;
  for (const p of s.properties ?? []) {
    const list = v.properties.get(p.name);
    if (list) list.push(p.schema);
    else v.properties.set(p.name, [p.schema]);
  }
  for (const r of s.required ?? []) {
    v.required.add(r);
    if (!v.properties.has(r)) v.properties.set(r, []);
  }
  if (s.additionalProperties) {
    if (s.additionalProperties.bool === false) v.additional = false;
    else if (v.additional !== false && s.additionalProperties.bool !== true) v.additional.push(s.additionalProperties);
  }
  if (s.items) v.items.push(s.items);
  s.prefixItems?.forEach((x, i) => (v.prefixItems[i] ??= []).push(x));
  if (s.oneOf?.length) v.groups.push({ kind: 'oneOf', owner: s, branches: s.oneOf });
  if (s.anyOf?.length) v.groups.push({ kind: 'anyOf', owner: s, branches: s.anyOf });
  for (const [keyword, value] of otherKeywords(s)) v.other.add(`${keyword}=${value}`);
  if (s.default) v.defaults.add(canonical(s.default.value));
  if (s.discriminator) v.discriminator = canonical({ propertyName: s.discriminator.propertyName, mapping: s.discriminator.mapping.map((m) => [m.value, m.schema.name]) });
  if (s.readOnly) v.readOnly = true;
  if (s.writeOnly) v.writeOnly = true;
  if (s.ref) addNode(v, s.ref);
  for (const m of s.allOf ?? []) addNode(v, m);
}

/** The keywords the view does not interpret, each as canonical text (subschemas by fingerprint). */
function otherKeywords(s: Schema): [string, string][] {
  const out: [string, string][] = [];
  const one = (k: string, x: Schema | undefined) => x && out.push([k, fingerprint(x)]);
  one('not', s.not);
  one('if', s.if);
  one('then', s.then);
  one('else', s.else);
  one('contains', s.contains);
  one('propertyNames', s.propertyNames);
  one('unevaluatedItems', s.unevaluatedItems);
  one('unevaluatedProperties', s.unevaluatedProperties);
  if (s.patternProperties?.length) out.push(['patternProperties', canonical(s.patternProperties.map((p) => [p.pattern, fingerprint(p.schema)]))]);
  if (s.dependentSchemas?.length) out.push(['dependentSchemas', canonical(s.dependentSchemas.map((p) => [p.name, fingerprint(p.schema)]))]);
  if (s.dependentRequired?.length) out.push(['dependentRequired', canonical(s.dependentRequired)]);
  for (const k of ['minContains', 'maxContains', 'contentMediaType', 'contentEncoding'] as const) if (s[k] !== undefined) out.push([k, canonical(s[k])]);
  return out;
}

const fingerprints = new WeakMap<Schema, string>();

/**
 * The structure of a schema as text (annotations left out, recursion cut by name, depth capped):
 * equal fingerprints, same constraints. Used for the keywords compared as written.
 */
export function fingerprint(s: Schema, depth = 0, stack: Schema[] = []): string {
  const cached = fingerprints.get(s);
  if (cached !== undefined) return cached;
  if (stack.includes(s) || depth > 12) return `#${s.name}`;
  stack.push(s);
  const parts: Record<string, unknown> = {};
  const skip = new Set(['id', 'name', 'component', 'loc', 'recursive', 'title', 'description', 'examples', 'deprecated', 'extensions', 'other']);
  for (const [k, val] of Object.entries(s)) {
    if (skip.has(k) || val === undefined) continue;
    parts[k] = toPlain(val, depth, stack);
  }
  stack.pop();
  const out = canonical(parts);
  if (depth === 0) fingerprints.set(s, out);
  return out;
}

function toPlain(val: unknown, depth: number, stack: Schema[]): unknown {
  if (Array.isArray(val)) return val.map((x) => toPlain(x, depth, stack));
  if (isSchema(val)) return fingerprint(val, depth + 1, stack);
  if (val && typeof val === 'object') return Object.fromEntries(Object.entries(val).map(([k, x]) => [k, toPlain(x, depth, stack)]));
  return val;
}

function isSchema(x: unknown): x is Schema {
  return !!x && typeof x === 'object' && typeof (x as Schema).id === 'number' && 'loc' in x && 'extensions' in x;
}

const viewCache = new WeakMap<Schema, View>();

/** The view of a conjunction of nodes (groups not expanded). */
export function viewOf(conj: readonly Schema[]): View {
  if (conj.length === 1) {
    const hit = viewCache.get(conj[0]!);
    if (hit) return hit;
  }
  const v = emptyView(conj.map((s) => s.id).join('&'));
  for (const s of conj) addNode(v, s);
  if (conj.length === 1) viewCache.set(conj[0]!, v);
  return v;
}

export const MAX_BRANCHES = 64;

export interface Branches {
  /** the alternatives a value can take (one: no oneOf/anyOf), `null`-only alternatives left out */
  views: View[];
  /** a `null`-only alternative was among them */
  nullBranch: boolean;
  /** the keyword of the first group ('oneOf' when none), for the check ids */
  kind: 'oneOf' | 'anyOf';
  /** more than MAX_BRANCHES: `views` is the unexpanded view and the groups are compared as written */
  capped: boolean;
}

/**
 * The alternatives of a conjunction: every choice of one branch per `oneOf`/`anyOf` group, merged
 * with the constraints around it (nested groups expanded too).
 */
export function branchesOf(conj: readonly Schema[]): Branches {
  const base = viewOf(conj);
  if (!base.groups.length) return { views: [base], nullBranch: isNullOnly(base), kind: 'oneOf', capped: false };
  const kind = base.groups[0]!.kind;
  let pending: View[] = [base];
  const done: View[] = [];
  while (pending.length) {
    const v = pending.pop()!;
    if (!v.groups.length) {
      done.push(v);
      continue;
    }
    const [group, ...rest] = v.groups;
    const mapping = new Map<Schema, string>();
    for (const d of group!.owner.discriminator?.mapping ?? []) mapping.set(d.schema, d.value);
    for (const member of group!.branches) {
      const next = cloneView(v, `${v.key}/${group!.owner.id}:${member.id}`);
      next.groups = [...rest];
      next.label = mapping.has(member) ? `=${mapping.get(member)}` : (member.component ?? member.name);
      next.stable = mapping.has(member) || member.component !== undefined;
      addNode(next, member);
      pending.push(next);
    }
    if (done.length + pending.length > MAX_BRANCHES) return { views: [base], nullBranch: false, kind, capped: true };
  }
  done.reverse();
  const views = done.filter((v) => !isNullOnly(v));
  return { views, nullBranch: views.length < done.length, kind, capped: false };
}

/** Only `null` is valid (the `{type: 'null'}` alternative of a nullable `oneOf`). */
function isNullOnly(v: View): boolean {
  if (v.types) return v.types.size === 1 && v.types.has('null');
  return v.enum !== undefined && v.enum.size === 1 && v.enum.has('null');
}

/** Does the view accept `null`? (no `type` accepts every type) */
export function allowsNull(v: View): boolean {
  if (v.never) return false;
  if (v.types && !v.types.has('null')) return false;
  if (v.enum && !v.enum.has('null')) return false;
  return true;
}

/** The view's types without `null` (undefined: any). */
export function nonNullTypes(v: View): Set<JsonType> | undefined {
  if (v.never) return new Set();
  if (!v.types) return undefined;
  return new Set([...v.types].filter((t) => t !== 'null'));
}

