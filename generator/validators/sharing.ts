// Hash-consing of schemas: subschemas that check the same thing compile once, as one shared pair
// of functions, instead of being inlined at every place they occur. Big API descriptions repeat
// shapes a lot (GitHub's inlines the same 90-property repository object dozens of times, and a
// user object hundreds of times); without sharing, generated code grows with every copy.
//
// Two schemas are the same when their canonical keys are equal: the validation keywords (sorted;
// annotations such as description, example, default, x-* left out), their data as JSON, their
// subschemas by key (property order kept: it is the order errors are reported in), and the base
// URI when a `$ref` is resolved against it. Schemas that define `$id` or anchors, or hold a -0
// (JSON cannot tell it from 0), have no key and are never shared.
//
// A key is shared when two different schema objects reach it along the walk the compiler makes
// (entries, then every `$ref` target once), not counting copies inside a schema that is itself
// shared (those compile once, inside its function). Small schemas (a `type` and a `format`)
// stay inline: a call would be no shorter and slower.
import { MAX_SCHEMA_DEPTH, type SchemaIndex } from './schema-index.ts';

/** Keywords that do not affect validation (OpenAPI and JSON Schema annotations). */
const ANNOTATIONS = new Set([
  'description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', '$schema', '$defs', 'definitions',
]);
/** Keywords that give a schema an identity of its own: never shared. */
const IDENTITY = new Set(['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef']);
const SCHEMA_VALUE = new Set(['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Smallest weight (validation keywords in the subtree) worth a shared function. */
export const MIN_SHARED_WEIGHT = 4;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasNegativeZero(value: unknown): boolean {
  if (typeof value === 'number') return Object.is(value, -0);
  if (Array.isArray(value)) return value.some(hasNegativeZero);
  if (isObject(value)) return Object.keys(value).some((key) => hasNegativeZero(value[key]));
  return false;
}

interface Info {
  /** Canonical key, or null when the schema must not be shared. */
  key: string | null;
  /** Validation keywords in the subtree. */
  weight: number;
}

export class Sharing {
  private readonly infos = new Map<object, Info>();
  private readonly interned = new Map<string, number>();
  private readonly shared = new Set<string>();

  constructor(private readonly index: SchemaIndex) {}

  /** The key of a schema object whose compiled code is shared, if it is. An `inline` schema (not
   * an entry's, not a `$ref` target) too small to be worth a call stays inline even then. */
  sharedKey(schema: unknown, inline = false): string | undefined {
    if (!isObject(schema)) return undefined;
    const info = this.info(schema);
    if (info.key === null || (inline && info.weight < MIN_SHARED_WEIGHT)) return undefined;
    return this.shared.has(info.key) ? info.key : undefined;
  }

  /** The canonical key of a schema object, if it has one (any size). */
  key(schema: object): string | undefined {
    return this.info(schema as Obj).key ?? undefined;
  }

  /** Validation keywords in a schema's subtree (0 for a schema without a key). */
  weight(schema: object): number {
    return this.info(schema as Obj).weight;
  }

  /** Walks the schemas the compiler will compile, from `roots` (the entries' schemas), and
   * decides which keys are shared. */
  plan(roots: unknown[]): void {
    const first = new Map<string, object>();
    const visitedRoots = new Set<object>();
    const visit = (node: unknown, root: boolean, depth: number): void => {
      if (!isObject(node) || depth > MAX_SCHEMA_DEPTH) return; // too deep: the compiler reports it
      if (root) {
        if (visitedRoots.has(node)) return;
        visitedRoots.add(node);
      }
      const info = this.info(node);
      const key = info.key !== null && (root || info.weight >= MIN_SHARED_WEIGHT) ? info.key : null;
      if (key !== null) {
        const seen = first.get(key);
        if (seen === node) return;
        if (seen) {
          this.shared.add(key);
          return;
        }
        first.set(key, node);
      }
      this.children(node, (child) => visit(child, false, depth + 1));
      if (typeof node.$ref === 'string') {
        const target = this.resolve(node);
        if (target !== undefined) visit(target, true, 0);
      }
    };
    for (const root of roots) visit(root, true, 0);
  }

  private resolve(node: Obj): unknown {
    try {
      return this.index.resolveRef(node.$ref as string, this.index.locate(node)?.base ?? this.index.base, '#').schema;
    } catch {
      return undefined; // the compiler reports it, with its location
    }
  }

  private children(node: Obj, each: (child: unknown) => void): void {
    for (const keyword of Object.keys(node)) {
      const value = node[keyword];
      if (SCHEMA_VALUE.has(keyword)) each(value);
      else if (SCHEMA_MAP.has(keyword) && isObject(value)) Object.keys(value).forEach((name) => each(value[name]));
      else if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) value.forEach(each);
    }
  }

  private info(node: Obj, depth = 0): Info {
    let info = this.infos.get(node);
    if (info) return info;
    info = { key: null, weight: 0 }; // a cycle through the same object: not shareable
    this.infos.set(node, info);
    if (depth > MAX_SCHEMA_DEPTH) return info; // too deep to share (the compiler reports it)
    const result = this.compute(node, depth);
    info.key = result.key;
    info.weight = result.weight;
    return info;
  }

  private childKey(value: unknown, depth: number): { key: string | null; weight: number } {
    if (typeof value === 'boolean') return { key: String(value), weight: 1 };
    if (!isObject(value)) return { key: hasNegativeZero(value) ? null : JSON.stringify(value) ?? 'undefined', weight: 1 };
    const info = this.info(value, depth + 1);
    return info.key === null ? info : { key: `#${this.intern(info.key)}`, weight: info.weight };
  }

  private compute(node: Obj, depth: number): Info {
    const parts: string[] = [];
    let weight = 0;
    for (const keyword of Object.keys(node).sort()) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (IDENTITY.has(keyword)) return { key: null, weight: 0 };
      const value = node[keyword];
      weight++;
      let text: string;
      if (SCHEMA_VALUE.has(keyword)) {
        const child = this.childKey(value, depth);
        if (child.key === null) return { key: null, weight: 0 };
        text = child.key;
        weight += child.weight;
      } else if ((SCHEMA_MAP.has(keyword) && isObject(value)) || (SCHEMA_LIST.has(keyword) && Array.isArray(value))) {
        const entries: string[] = [];
        const names = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value as Obj);
        for (const name of names) {
          const child = this.childKey((value as Record<string | number, unknown>)[name], depth);
          if (child.key === null) return { key: null, weight: 0 };
          entries.push(Array.isArray(value) ? child.key : `${JSON.stringify(name)}:${child.key}`);
          weight += child.weight;
        }
        text = `[${entries.join(',')}]`;
      } else {
        if (hasNegativeZero(value)) return { key: null, weight: 0 };
        text = JSON.stringify(value) ?? 'undefined';
      }
      parts.push(`${JSON.stringify(keyword)}=${text}`);
    }
    if (typeof node.$ref === 'string') parts.push(`@${this.index.locate(node)?.base ?? this.index.base}`);
    return { key: parts.join(';'), weight };
  }

  private intern(key: string): number {
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.interned.size;
      this.interned.set(key, id);
    }
    return id;
  }
}
