// Schema nodes from the loaded files. A schema written at a place becomes one node (keyed by file
// and pointer); a pure `$ref` is the node it points to, across files, so every use of a component
// shares one node. Nodes are created first and filled from a queue, never by recursion, so a spec
// nested thousands deep or a long cycle cannot exhaust the stack.
import { limits } from '../core/limits.ts';
import type { Loc } from '../core/loc.ts';
import { appendPointer, isObject, parsePointer } from '../core/pointer.ts';
import type { Workspace } from '../load/workspace.ts';
import { ModelError } from './model-error.ts';
import { childSchemas, type Extensions, type JsonType, type NamedSchema, type Schema } from './schema.ts';

type Obj = Record<string, unknown>;

/** Keywords kept as written in `other` (annotations the model does not interpret). */
const keptAsWritten = ['xml', 'externalDocs', '$comment', '$id', '$schema', '$anchor', '$dynamicAnchor', '$dynamicRef', 'contentSchema'];
const typeNames = new Set<string>(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const numberKeywords = ['minLength', 'maxLength', 'multipleOf', 'minimum', 'maximum', 'minContains', 'maxContains', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;
const exclusiveKeywords = ['exclusiveMinimum', 'exclusiveMaximum'] as const;
const compositionKeywords = ['allOf', 'anyOf', 'oneOf'] as const;
const conditionalKeywords = ['if', 'then', 'else'] as const;
const flagKeywords = ['deprecated', 'readOnly', 'writeOnly'] as const;

export class SchemaBuilder {
  readonly nodes: Schema[] = [];
  /** nodes by file, then pointer (no `file#pointer` string to build and hash per lookup) */
  private readonly byLoc = new Map<string, Map<string, Schema>>();
  private readonly queue: { node: Schema; raw: unknown }[] = [];
  private readonly names = new Set<string>();
  /** per base name, the number to try first for its next duplicate (uniqueName) */
  private readonly nextNumber = new Map<string, number>();

  constructor(
    private readonly ws: Workspace,
    private readonly version: '3.0' | '3.1',
    /** a readable name for a location (`trackUsers.body`), used for nodes that are not components */
    private readonly nameOf: (loc: Loc) => string,
  ) {}

  /** The node of the schema written at `loc` (whose value is `raw`): built on first use. */
  node(raw: unknown, loc: Loc): Schema {
    const target = this.follow(raw, loc);
    let inFile = this.byLoc.get(target.loc.file);
    if (!inFile) this.byLoc.set(target.loc.file, (inFile = new Map()));
    const known = inFile.get(target.loc.pointer);
    if (known) return known;
    const node: Schema = { id: this.nodes.length, name: this.uniqueName(target.loc), loc: target.loc, recursive: false, extensions: {} };
    const component = componentName(target.loc, this.ws.root.path);
    if (component !== undefined) node.component = component;
    this.nodes.push(node);
    inFile.set(target.loc.pointer, node);
    this.queue.push({ node, raw: target.value });
    return node;
  }

  /** Fill every node created so far (and those their keywords create). */
  drain(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const { node, raw } = this.queue[i]!;
      this.fill(node, raw);
    }
    this.queue.length = 0;
  }

  /** Mark the nodes that reach themselves (strongly connected components, iteratively). */
  markRecursion(): void {
    const index = new Map<Schema, number>();
    const low = new Map<Schema, number>();
    const onStack = new Set<Schema>();
    const stack: Schema[] = [];
    let counter = 0;
    for (const start of this.nodes) {
      if (index.has(start)) continue;
      const work: { node: Schema; children: Schema[]; next: number }[] = [];
      const enter = (n: Schema) => {
        index.set(n, counter);
        low.set(n, counter++);
        stack.push(n);
        onStack.add(n);
        work.push({ node: n, children: childSchemas(n), next: 0 });
      };
      enter(start);
      while (work.length) {
        const frame = work[work.length - 1]!;
        if (frame.next < frame.children.length) {
          const c = frame.children[frame.next++]!;
          if (c === frame.node) frame.node.recursive = true;
          if (!index.has(c)) enter(c);
          else if (onStack.has(c)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(c)!));
          continue;
        }
        work.pop();
        const n = frame.node;
        if (work.length) {
          const parent = work[work.length - 1]!.node;
          low.set(parent, Math.min(low.get(parent)!, low.get(n)!));
        }
        if (low.get(n) === index.get(n)) {
          const scc: Schema[] = [];
          let x: Schema;
          do {
            x = stack.pop()!;
            onStack.delete(x);
            scc.push(x);
          } while (x !== n);
          if (scc.length > 1) for (const s of scc) s.recursive = true;
        }
      }
    }
  }

  /** Follow pure `$ref`s (every `$ref` in 3.0, a `$ref` without siblings in 3.1) to the schema they name. */
  private follow(raw: unknown, loc: Loc): { value: unknown; loc: Loc } {
    let value = raw;
    let at = loc;
    for (let hops = 0; this.isPureRef(value); hops++) {
      if (hops > limits.refChain) throw new ModelError(`a chain of more than ${limits.refChain} $refs to $refs starts here, more than oaskit follows`, loc);
      const r = this.ws.resolveRef(at.file, value.$ref);
      if (!r.ok) throw new ModelError(r.message, { file: at.file, pointer: appendPointer(at.pointer, '$ref') });
      value = r.target.value;
      at = r.target.loc;
      if (at.file === loc.file && at.pointer === loc.pointer && hops > 0) throw new ModelError('this $ref only refers back to itself', loc);
    }
    return { value, loc: at };
  }

  private isPureRef(value: unknown): value is { $ref: string } {
    if (!isObject(value) || typeof value.$ref !== 'string') return false;
    if (this.version === '3.0') return true;
    // 3.1: siblings apply beside the ref (a description beside it is the use site's own: kept on a node of its own)
    return Object.keys(value).every((k) => k === '$ref' || k === '$comment');
  }

  private uniqueName(loc: Loc): string {
    const base = this.nameOf(loc) || 'Schema';
    let name = base;
    if (this.names.has(name)) {
      // names are only ever added, so the first free number of a base never goes down: start
      // where the last search for it ended (thousands of schemas can share a base)
      let n = this.nextNumber.get(base) ?? 2;
      while (this.names.has((name = `${base}_${n}`))) n++;
      this.nextNumber.set(base, n + 1);
    }
    this.names.add(name);
    return name;
  }

  private child(raw: unknown, parent: Loc, ...segments: (string | number)[]): Schema {
    return this.node(raw, { file: parent.file, pointer: appendPointer(parent.pointer, ...segments) });
  }

  private fill(node: Schema, raw: unknown): void {
    const loc = node.loc;
    if (typeof raw === 'boolean') {
      node.bool = raw;
      return;
    }
    if (!isObject(raw)) throw new ModelError('a schema must be an object or a boolean', loc);
    const s = raw;
    const is30 = this.version === '3.0';

    if (typeof s.$ref === 'string' && !is30) {
      const r = this.ws.resolveRef(loc.file, s.$ref);
      if (!r.ok) throw new ModelError(r.message, { file: loc.file, pointer: appendPointer(loc.pointer, '$ref') });
      node.ref = this.node(r.target.value, r.target.loc);
    }

    if (typeof s.type === 'string' && typeNames.has(s.type)) node.type = [s.type as JsonType];
    else if (Array.isArray(s.type)) node.type = s.type.filter((t): t is JsonType => typeof t === 'string' && typeNames.has(t));
    if (is30 && s.nullable === true && node.type && !node.type.includes('null')) node.type.push('null');
    if (Array.isArray(s.enum)) node.enum = s.enum;
    if ('const' in s && !is30) node.const = { value: s.const };
    if (typeof s.format === 'string') node.format = s.format;

    for (const k of numberKeywords) {
      if (typeof s[k] === 'number') node[k] = s[k] as number;
    }
    for (const k of exclusiveKeywords) {
      const v = s[k];
      if (typeof v === 'number') node[k] = v;
      else if (v === true && is30) {
        // 3.0: a boolean modifier of minimum / maximum
        const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (typeof s[bound] === 'number') {
          node[k] = s[bound] as number;
          delete node[bound];
        }
      }
    }
    if (typeof s.pattern === 'string') node.pattern = s.pattern;
    if (typeof s.contentMediaType === 'string') node.contentMediaType = s.contentMediaType;
    if (typeof s.contentEncoding === 'string') node.contentEncoding = s.contentEncoding;
    if (typeof s.uniqueItems === 'boolean') node.uniqueItems = s.uniqueItems;

    // arrays
    if (s.items !== undefined) {
      if (Array.isArray(s.items)) node.prefixItems = s.items.map((x, i) => this.child(x, loc, 'items', i)); // draft-04 tuple form
      else node.items = this.child(s.items, loc, 'items');
    }
    if (Array.isArray(s.prefixItems) && !is30) node.prefixItems = s.prefixItems.map((x, i) => this.child(x, loc, 'prefixItems', i));
    if (s.contains !== undefined && !is30) node.contains = this.child(s.contains, loc, 'contains');
    if (s.unevaluatedItems !== undefined && !is30) node.unevaluatedItems = this.child(s.unevaluatedItems, loc, 'unevaluatedItems');

    // objects
    if (isObject(s.properties)) node.properties = this.namedSchemas(s.properties, loc, 'properties');
    if (Array.isArray(s.required)) node.required = [...new Set(s.required.filter((x): x is string => typeof x === 'string'))];
    if (s.additionalProperties !== undefined) node.additionalProperties = this.child(s.additionalProperties, loc, 'additionalProperties');
    if (isObject(s.patternProperties) && !is30) node.patternProperties = this.namedSchemas(s.patternProperties, loc, 'patternProperties').map((p) => ({ pattern: p.name, schema: p.schema }));
    if (s.propertyNames !== undefined && !is30) node.propertyNames = this.child(s.propertyNames, loc, 'propertyNames');
    if (s.unevaluatedProperties !== undefined && !is30) node.unevaluatedProperties = this.child(s.unevaluatedProperties, loc, 'unevaluatedProperties');
    if (isObject(s.dependentRequired) && !is30) {
      node.dependentRequired = Object.keys(s.dependentRequired).map((property) => {
        const v = (s.dependentRequired as Obj)[property];
        return { property, requires: Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [] };
      });
    }
    if (isObject(s.dependentSchemas) && !is30) node.dependentSchemas = this.namedSchemas(s.dependentSchemas, loc, 'dependentSchemas');

    // composition
    for (const k of compositionKeywords) {
      const v = s[k];
      if (Array.isArray(v)) node[k] = v.map((x, i) => this.child(x, loc, k, i));
    }
    if (s.not !== undefined) node.not = this.child(s.not, loc, 'not');
    if (!is30) for (const k of conditionalKeywords) if (s[k] !== undefined) node[k] = this.child(s[k], loc, k);
    if (isObject(s.discriminator) && typeof s.discriminator.propertyName === 'string') {
      node.discriminator = { propertyName: s.discriminator.propertyName, mapping: this.mapping(s.discriminator.mapping, loc) };
    }

    // annotations
    if (typeof s.title === 'string') node.title = s.title;
    if (typeof s.description === 'string') node.description = s.description;
    if ('default' in s) node.default = { value: s.default };
    if (Array.isArray(s.examples) && !is30) node.examples = s.examples;
    else if ('example' in s) node.examples = [s.example];
    for (const k of flagKeywords) if (s[k] === true) node[k] = true;
    node.extensions = extensionsOf(s);
    for (const k of keptAsWritten) if (k in s) (node.other ??= {})[k] = s[k];
  }

  private namedSchemas(map: Obj, loc: Loc, keyword: string): NamedSchema[] {
    return Object.keys(map).map((name) => ({ name, schema: this.child(map[name], loc, keyword, name) }));
  }

  /** Discriminator mapping values: a component name or a `$ref`, each resolved to its node. */
  private mapping(raw: unknown, loc: Loc): { value: string; schema: Schema }[] {
    if (!isObject(raw)) return [];
    const out: { value: string; schema: Schema }[] = [];
    for (const value of Object.keys(raw)) {
      const target = raw[value];
      if (typeof target !== 'string') continue;
      const ref = /^[A-Za-z0-9._-]+$/.test(target) ? '#/components/schemas/' + target : target;
      const r = this.ws.resolveRef(loc.file, ref);
      if (!r.ok) throw new ModelError(r.message, { file: loc.file, pointer: appendPointer(loc.pointer, 'discriminator', 'mapping', value) });
      out.push({ value, schema: this.node(r.target.value, r.target.loc) });
    }
    return out;
  }
}

export function extensionsOf(o: Obj): Extensions {
  const out: Extensions = {};
  for (const k of Object.keys(o)) if (k.startsWith('x-')) out[k] = o[k];
  return out;
}

const schemasPrefix = '/components/schemas/';

/** `Pet` for `<root>#/components/schemas/Pet`; undefined elsewhere. */
function componentName(loc: Loc, rootFile: string): string | undefined {
  if (loc.file !== rootFile || !loc.pointer.startsWith(schemasPrefix) || loc.pointer.includes('/', schemasPrefix.length)) return undefined;
  return parsePointer('/' + loc.pointer.slice(schemasPrefix.length))[0];
}
