// openapi-typescript turns a `$ref` into an indexed access type along its JSON pointer, which
// does not compile when the pointer goes through `items`, `properties` of a referenced schema or
// into `paths` (`paths['/foo']['get']...['schema']['items']`). Real specs use such refs, so before
// handing the document over, every ref deeper than `#/components/<section>/<name>` is rewritten:
// a schema target is hoisted into `components.schemas` under a derived name (cycle-safe), any
// other target (a parameter, a response, a path item) is inlined.
import { child, escapeSegment, isObject, parsePointer } from '../../core/pointer.ts';
import { walkStructure } from '../../load/spec-walk.ts';

const schemaWords = new Set(['schema', 'schemas', 'properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'prefixItems', '$defs', 'definitions', 'patternProperties', 'if', 'then', 'else', 'contains']);
const sectionRef = /^#\/components\/[^/]+\/[^/]+$/;

export function hoistDeepRefs(source: Record<string, unknown>): Record<string, unknown> {
  const doc = structuredClone(source);
  const hoisted = new Map<string, string>(); // target pointer -> component name
  const components = (doc.components ??= {}) as Record<string, unknown>;
  const schemas = (components.schemas ??= {}) as Record<string, unknown>;
  walkStructure(doc, (node, { isNameMap }) => {
    for (const k of Object.keys(node)) {
      if (!isNameMap && (k === 'example' || k === 'default' || k === 'const' || k === 'enum')) continue;
      const v = node[k];
      node[k] = Array.isArray(v) ? v.map(rewrite) : rewrite(v); // allOf / oneOf / prefixItems members too
    }
  });
  if (Object.keys(schemas).length === 0) delete components.schemas;
  if (Object.keys(components).length === 0) delete doc.components;
  return doc;

  function rewrite(value: unknown): unknown {
    for (let guard = 0; guard < 32; guard++) {
      if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/') || sectionRef.test(value.$ref)) return value;
      const pointer = decodeURIComponent(value.$ref.slice(1));
      const segments = parsePointer(pointer);
      const target = lookup(source, segments);
      if (target === undefined) return value; // dangling: the loader reports it; leave as is
      if (segments.some((s) => schemaWords.has(s))) {
        let name = hoisted.get(pointer);
        if (!name) {
          name = uniqueName(schemas, segments);
          hoisted.set(pointer, name);
          schemas[name] = structuredClone(target);
        }
        const { $ref: _ignored, ...siblings } = value;
        return { ...siblings, $ref: '#/components/schemas/' + escapeSegment(name) };
      }
      value = structuredClone(target); // inline; loop in case the target is itself a deep ref
    }
    return value;
  }
}

function lookup(doc: unknown, segments: string[]): unknown {
  let node = doc;
  for (let i = 0; i < segments.length; i++) {
    let next = child(node, segments[i]!);
    if (next === undefined && isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      // the pointer goes through a ref: continue from its target
      return lookup(doc, [...parsePointer(decodeURIComponent(node.$ref.slice(1))), ...segments.slice(i)]);
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

function uniqueName(taken: Record<string, unknown>, segments: string[]): string {
  const base = segments.filter((s) => !['components', 'schemas', 'paths', 'content', 'properties'].includes(s)).join('_').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'Ref';
  let name = base;
  for (let n = 2; Object.prototype.hasOwnProperty.call(taken, name); n++) name = `${base}_${n}`;
  return name;
}
