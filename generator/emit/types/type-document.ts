// The document openapi-typescript is fed: the printed document (model/document.ts) with each
// schema rewritten into a form it prints exactly (model/composites.ts says what each node's
// composite keywords mean for a type):
// - refinements (`- required: [a]`, if/then/else, dependentRequired, `not`) become `oneOf`s of
//   small object alternatives intersected with the node: `Base & ({ a: A } | { b: B })`;
// - an `anyOf` beside an object's own properties is printed as a `oneOf` (openapi-typescript
//   would print `Base | A | B`, TypeScript unions are inclusive anyway);
// - `additionalProperties` beside `properties` also admits the declared properties' types, since
//   TypeScript checks every property of an object literal against the index signature;
// - what the type cannot check is appended to the description, so the JSDoc says it.
import { isObject, parsePointer } from '../../core/pointer.ts';
import { typeShape, type Alternative, type PropertyTerm } from '../../model/composites.ts';
import { takePrintedDocument } from '../../model/document.ts';
import { childSchemas, objectProperties, type Schema } from '../../model/schema.ts';
import type { ApiModel } from '../../model/types.ts';
import { provenanceLines } from '../provenance-text.ts';

type Obj = Record<string, unknown>;

const annotations = ['title', 'description', 'examples', 'example', 'default', 'deprecated', 'summary'];

export function typeDocument(model: ApiModel): Obj {
  // rewritten in place: taken from the cache of printed documents, not copied
  const printed = takePrintedDocument(model, { examples: false });
  const document = printed.document;
  // every node's printed object, found before any is rewritten (rewrites drop keywords and their subtrees)
  const objects = new Map<Schema, Obj>();
  for (const node of model.schemaNodes) {
    const o = printed.objectOf(node);
    if (o) objects.set(node, o);
  }
  /** How a node is written where it is used: a `$ref` to its component, or its printed object. */
  const use = (node: Schema): unknown => {
    if (node.bool !== undefined) return node.bool;
    const pointer = printed.pointerOf(node);
    const segments = pointer === undefined ? [] : parsePointer(pointer);
    if (segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas') {
      return { $ref: '#' + pointer!.split('/').map((s) => encodeURIComponent(s).replace(/%2F/g, '/')).join('/') };
    }
    return objects.get(node) ?? {};
  };
  // children first: a copy of a property (in an alternative, in an index signature) is taken once it is final
  for (const node of postOrder(model.schemaNodes)) {
    const o = objects.get(node);
    if (o) rewrite(node, o, use);
  }
  return document;
}

/** Every node after the nodes it contains (iterative: nesting depth cannot exhaust the stack). */
function postOrder(nodes: readonly Schema[]): Schema[] {
  const out: Schema[] = [];
  const seen = new Set<Schema>();
  for (const root of nodes) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: { node: Schema; subs: Schema[] }[] = [{ node: root, subs: childSchemas(root) }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = top.subs.pop();
      if (next === undefined) {
        out.push(top.node);
        stack.pop();
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push({ node: next, subs: childSchemas(next) });
      }
    }
  }
  return out;
}

function rewrite(node: Schema, o: Obj, use: (node: Schema) => unknown): void {
  const shape = typeShape(node);
  for (const k of shape.folded) {
    if (k === 'if') delete o.if, delete o.then, delete o.else;
    else if (!k.startsWith('allOf/')) delete o[k];
  }
  const allOf = ((o.allOf as unknown[] | undefined) ?? []).filter((_, i) => !shape.folded.has(`allOf/${i}`));
  if (allOf.length) o.allOf = allOf;
  else delete o.allOf;

  let base: ReturnType<typeof objectProperties> | undefined; // only alternatives read it
  const alternative = (a: Alternative): Obj => {
    const properties: Obj = {};
    const required: string[] = [];
    for (const [name, t] of a) {
      Object.defineProperty(properties, name, { value: termSchema(name, t), enumerable: true, writable: true, configurable: true });
      if (t.required) required.push(name);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}) };
  };
  const termSchema = (name: string, t: PropertyTerm): unknown => {
    if (t.absent) return false;
    const declared = (base ??= objectProperties(node)).get(name)?.schema;
    const parts: unknown[] = [];
    if (t.values) parts.push({ ...typeOf(declared), enum: t.values });
    else if (t.required && declared) parts.push(bare(use(declared)));
    parts.push(...t.narrow.map((n) => bare(use(n))));
    if (parts.length === 0) return {};
    return parts.length === 1 ? parts[0] : { allOf: parts };
  };
  const groups = shape.conjuncts.map((c) => (c.alternatives.length === 0 ? { oneOf: [false] } : c.alternatives.length === 1 ? alternative(c.alternatives[0]!) : { oneOf: c.alternatives.map(alternative) }));
  if (groups.length) {
    // the node's own object part stays the core; the alternatives are intersected with it
    if (!o.type && !o.properties && !o.$ref && !o.allOf) o.type = 'object';
    if (groups.length === 1 && isObject(groups[0]) && groups[0].oneOf && !o.oneOf && !o.anyOf) o.oneOf = groups[0].oneOf;
    else o.allOf = [...((o.allOf as unknown[]) ?? []), ...groups];
  }

  // an anyOf beside an object's own keywords: openapi-typescript would print `Base | A | B`
  if (o.anyOf && (o.properties || o.additionalProperties || o.type === 'object')) {
    if (o.oneOf) o.allOf = [...((o.allOf as unknown[]) ?? []), { oneOf: o.anyOf }];
    else o.oneOf = o.anyOf;
    delete o.anyOf;
  }

  // a required name without a property of its own (a refinement printed on its own, `{required: [a]}`)
  if (!o.properties && !o.type && !o.$ref && Array.isArray(o.required) && o.required.length && !o.allOf && !o.oneOf && !o.anyOf) {
    o.type = 'object';
    o.properties = Object.fromEntries((o.required as string[]).map((k) => [k, {}]));
  }

  // the index signature must admit the declared properties too
  if (isObject(o.properties) && Object.keys(o.properties).length) {
    // an untyped property (`{}`) would make the index `unknown` and check no other value: it takes the index's type instead
    const declared = Object.values(o.properties).filter((p) => p !== false && p !== true).map(bare).filter((p) => !isObject(p) || Object.keys(p).length > 0);
    const widen = (index: unknown) => ({ anyOf: dedupe([index, ...declared]) });
    if (isObject(o.additionalProperties) && Object.keys(o.additionalProperties).length) o.additionalProperties = widen(o.additionalProperties);
    if (isObject(o.patternProperties)) {
      for (const k of Object.keys(o.patternProperties)) Object.defineProperty(o.patternProperties, k, { value: widen(o.patternProperties[k]), enumerable: true, writable: true, configurable: true });
    }
  }

  if (shape.unchecked.length) describe(o, `Not checked by the type (the validators check it): ${shape.unchecked.join('; ')}.`);
  // the spec's provenance texts, so the JSDoc says where the schema comes from (README and reference say it too)
  const sources = provenanceLines(node.extensions);
  if (sources.length) describe(o, 'Where this comes from:\n' + sources.map((l) => `- ${l}`).join('\n'));
}

/** Appends a paragraph to a printed schema's description. */
function describe(o: Obj, paragraph: string): void {
  o.description = typeof o.description === 'string' && o.description.trim() ? `${o.description.trimEnd()}\n\n${paragraph}` : paragraph;
}

/** A use without its annotations (a copy printed in an alternative needs no second comment). */
function bare(x: unknown): unknown {
  if (!isObject(x) || x.$ref !== undefined) return x;
  const out: Obj = {};
  for (const k of Object.keys(x)) if (!annotations.includes(k)) Object.defineProperty(out, k, { value: x[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function typeOf(s: Schema | undefined): Obj {
  const t = s?.type ?? s?.ref?.type;
  return t?.length === 1 ? { type: t[0] } : {};
}

function dedupe(xs: unknown[]): unknown[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
