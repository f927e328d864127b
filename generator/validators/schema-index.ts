// Where every schema lives: one walk over the root document records each node's JSON pointer and
// base URI, every `$id` (embedded resource) and `$anchor`, and enforces the depth limit. `$ref`s
// and entry pointers resolve through it, so the compiler and the interpreter agree on targets.
//
// Limits: `$ref` resolves only inside the root document (no network, no files): a `$ref` to
// another document is a compile-time error. Nesting deeper than MAX_SCHEMA_DEPTH objects is a
// compile-time error too, so a hostile schema cannot exhaust the compiler's (or prettier's) stack.
import { ValidatorCompileError } from './errors.ts';
import { escapeSegment, unescapeSegment } from '../core/pointer.ts';

export type SchemaObject = Record<string, unknown>;
export type SchemaNode = boolean | SchemaObject;

/** A schema and where it is: `at` is a URI-fragment JSON pointer into the root document. */
export interface Located {
  schema: SchemaNode;
  at: string;
  base: string;
}

export const MAX_SCHEMA_DEPTH = 128;

/** Base URI of a root document without `$id`: hierarchical, so relative `$id`s resolve, and
 * never fetchable. */
export const DEFAULT_BASE = 'https://oaskit.invalid/schema.json';

// Keywords whose values are schemas, maps of schemas, lists of schemas, or plain data.
const SCHEMA_VALUE = new Set([
  'additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const DATA_VALUE = new Set(['enum', 'const', 'default', 'example', 'examples']);
const ANCHOR = /^[A-Za-z_][-A-Za-z0-9._]*$/;

/** One segment of a URI-fragment JSON pointer: `~` and `/` escaped, then percent-encoded where
 * a URI fragment needs it (the characters JSON pointers commonly use stay readable). */
export function pointerSegmentOf(segment: string | number): string {
  const text = String(segment);
  // the characters that stay as they are (encodeURIComponent's unreserved ones and those put back below)
  if (PLAIN_SEGMENT.test(text)) return text;
  const escaped = escapeSegment(text);
  return encodeURIComponent(escaped).replace(/%(2[146789ABC]|3[ABD]|40)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
const PLAIN_SEGMENT = /^[A-Za-z0-9\-_.!*'()$&+,:;=@]*$/;

export function childPointer(at: string, ...segments: (string | number)[]): string {
  let pointer = at;
  for (let i = 0; i < segments.length; i++) pointer += '/' + pointerSegmentOf(segments[i]!);
  return pointer;
}

/** Segments of a URI-fragment JSON pointer ("#/a~1b/c%20d" -> ["a/b", "c d"]). */
export function parsePointer(fragment: string, at: string): string[] {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return [];
  if (!text.startsWith('/')) throw new ValidatorCompileError(`JSON pointer ${JSON.stringify(fragment)} must start with "#/"`, at);
  return text
    .slice(1)
    .split('/')
    .map((segment) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new ValidatorCompileError(`JSON pointer ${JSON.stringify(fragment)} has a bad percent-encoding`, at);
      }
      return unescapeSegment(decoded);
    });
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

/** Where a node is: its pointer is built only when asked for (most never are). */
class Place {
  private text: string | undefined;
  constructor(
    private readonly parent: Place | undefined,
    private readonly segment: string | number,
    /** a second segment: a member of a map of schemas (`properties`, `name`) */
    private readonly member: string | undefined,
    public base: string,
  ) {}

  static root(base: string): Place {
    const p = new Place(undefined, '', undefined, base);
    p.text = '#';
    return p;
  }

  get at(): string {
    if (this.text === undefined) {
      const parent = this.parent!.at;
      this.text = this.member === undefined ? childPointer(parent, this.segment) : childPointer(parent, this.segment, this.member);
    }
    return this.text;
  }
}

export class SchemaIndex {
  private readonly nodes = new Map<object, Place>();
  private readonly resources = new Map<string, Located>();
  private readonly anchors = new Map<string, Located>();
  /** resolved `$ref`s by base and text (the interpreter resolves the same ones over and over) */
  private readonly resolved = new Map<string, Located>();
  /** told of every `$ref` resolved while set (what an interpretation depended on) */
  recorder?: (ref: string, base: string, located: Located) => void;
  readonly base: string;

  constructor(readonly root: unknown) {
    this.base = DEFAULT_BASE;
    if (isObject(root) && typeof root.$id === 'string') this.base = this.resolveId(root.$id, DEFAULT_BASE, '#');
    this.resources.set(this.base, { schema: root as SchemaNode, at: '#', base: this.base });
    this.resources.set(DEFAULT_BASE, { schema: root as SchemaNode, at: '#', base: this.base });
    this.walk(root, Place.root(DEFAULT_BASE), DEFAULT_BASE, 0);
  }

  /** Pointer and base URI of a node of the root document, if it is one. */
  locate(node: unknown): { at: string; base: string } | undefined {
    return typeof node === 'object' && node !== null ? this.nodes.get(node) : undefined;
  }

  /** An entry's `#/...` pointer into the root document. */
  resolvePointer(pointer: string): Located {
    if (!pointer.startsWith('#')) throw new ValidatorCompileError(`schema pointer ${JSON.stringify(pointer)} must start with "#"`, '#');
    return this.follow({ schema: this.root as SchemaNode, at: '#', base: this.base }, parsePointer(pointer, '#'), pointer, '#');
  }

  /** No `$id` anywhere: every node's base URI is the document's default one. */
  get singleResource(): boolean {
    return this.base === DEFAULT_BASE && this.resources.size === 1;
  }

  /** Resolves `ref` written at `at`, against the base URI in effect there. */
  resolveRef(ref: string, base: string, at: string): Located {
    const key = base + '\0' + ref;
    let located = this.resolved.get(key);
    if (!located) {
      located = this.resolveUncached(ref, base, at);
      this.resolved.set(key, located);
    }
    this.recorder?.(ref, base, located);
    return located;
  }

  private resolveUncached(ref: string, base: string, at: string): Located {
    let url: URL;
    try {
      url = new URL(ref, base);
    } catch {
      throw new ValidatorCompileError(`$ref ${JSON.stringify(ref)} is not a valid URI reference`, at);
    }
    const fragment = url.hash;
    url.hash = '';
    const resource = this.resources.get(url.href);
    if (!resource) {
      throw new ValidatorCompileError(
        `$ref ${JSON.stringify(ref)} points outside this document (only references inside it are resolved)`,
        at,
      );
    }
    if (fragment === '' || fragment === '#') return resource;
    const rawFragment = decodeFragmentText(fragment);
    if (rawFragment.startsWith('/')) return this.follow(resource, parsePointer(fragment, at), ref, at);
    const anchored = this.anchors.get(`${url.href}#${rawFragment}`);
    if (!anchored) throw new ValidatorCompileError(`$ref ${JSON.stringify(ref)}: no $anchor ${JSON.stringify(rawFragment)} in this document`, at);
    return anchored;
  }

  private follow(from: Located, segments: string[], ref: string, at: string): Located {
    let node: unknown = from.schema;
    let pointer = from.at;
    for (const segment of segments) {
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(segment) && Number(segment) < node.length) {
        node = node[Number(segment)];
      } else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) {
        node = node[segment];
      } else {
        throw new ValidatorCompileError(`$ref ${JSON.stringify(ref)} points to nothing`, at);
      }
      pointer = childPointer(pointer, segment);
    }
    if (typeof node !== 'boolean' && !isObject(node)) {
      throw new ValidatorCompileError(`$ref ${JSON.stringify(ref)} points to ${Array.isArray(node) ? 'an array' : typeof node}, not a schema`, at);
    }
    const known = this.locate(node);
    return known ? { schema: node, at: known.at, base: known.base } : { schema: node, at: pointer, base: from.base };
  }

  private resolveId(id: string, base: string, at: string): string {
    try {
      return withoutFragment(new URL(id, base).href);
    } catch {
      throw new ValidatorCompileError(`$id ${JSON.stringify(id)} is not a valid URI reference`, at);
    }
  }

  /** `place` is where `node` is, with its parent's base URI (the node's own `$id` may change it). */
  private walk(node: unknown, place: Place, parentBase: string, depth: number): void {
    if (depth > MAX_SCHEMA_DEPTH) {
      throw new ValidatorCompileError(`schema nesting is deeper than ${MAX_SCHEMA_DEPTH} levels`, place.at);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'object' && item !== null) this.walk(item, new Place(place, i, undefined, parentBase), parentBase, depth + 1);
        else if (depth + 1 > MAX_SCHEMA_DEPTH) this.walk(item, new Place(place, i, undefined, parentBase), parentBase, depth + 1);
      }
      return;
    }
    if (!isObject(node)) return;
    if (this.nodes.has(node)) return; // the same object twice (YAML alias): first location wins
    let base = parentBase;
    if (typeof node.$id === 'string' && !node.$id.startsWith('#')) {
      base = this.resolveId(node.$id, parentBase, place.at);
      if (!this.resources.has(base)) this.resources.set(base, { schema: node, at: place.at, base });
    }
    // (each place is made for one node: it takes the node's own base)
    const here = place;
    here.base = base;
    this.nodes.set(node, here);
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const anchor = node[key];
      if (typeof anchor === 'string' && ANCHOR.test(anchor)) {
        const name = `${base}#${anchor}`;
        if (!this.anchors.has(name)) this.anchors.set(name, { schema: node, at: here.at, base });
      }
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (DATA_VALUE.has(key)) continue;
      // a plain value below a schema keyword still counts for the depth limit
      if ((typeof value !== 'object' || value === null) && !((SCHEMA_LIST.has(key) || SCHEMA_VALUE.has(key)) && depth + 1 > MAX_SCHEMA_DEPTH)) continue;
      if (SCHEMA_MAP.has(key) && isObject(value)) {
        for (const name of Object.keys(value)) {
          const member = value[name];
          // (a plain value there is nothing to index, and two levels down is still within the limit when its map is)
          if ((typeof member === 'object' && member !== null) || depth + 2 > MAX_SCHEMA_DEPTH) this.walk(member, new Place(here, key, name, base), base, depth + 2);
        }
      } else {
        this.walk(value, new Place(here, key, undefined, base), base, depth + 1);
      }
    }
  }
}

function decodeFragmentText(fragment: string): string {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
