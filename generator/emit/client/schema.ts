// Reading schemas of the model's document for the client's needs (caps, credentials, parts, the
// state of a job): `$ref`s inside the document are followed, `allOf` members merged one level.
import type { ApiModel, JsonSchema } from '../../model/types.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The node a local `$ref` points to (followed repeatedly); the value itself otherwise. */
export function deref(model: ApiModel, value: unknown, depth = 0): Obj | undefined {
  if (!isObj(value)) return undefined;
  if (typeof value.$ref !== 'string' || depth > 32) return value;
  const ref = value.$ref;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = model.document;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(node) && !Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, seg) ? (node as Obj)[seg] : undefined;
  }
  return deref(model, node, depth + 1);
}

/** Top-level properties of an object schema, with those of its `allOf` members. */
export function properties(model: ApiModel, schema: JsonSchema | undefined, depth = 0): Map<string, Obj> {
  const out = new Map<string, Obj>();
  const s = deref(model, schema);
  if (!s || depth > 16) return out;
  for (const member of Array.isArray(s.allOf) ? s.allOf : []) for (const [k, v] of properties(model, member as JsonSchema, depth + 1)) out.set(k, v);
  if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) { const r = deref(model, v); if (r) out.set(k, r); }
  return out;
}

/** A schema's `type` as a set of names (a 3.1 array or a 3.0 string). */
export function types(model: ApiModel, schema: unknown): Set<string> {
  const s = deref(model, schema);
  if (!s) return new Set();
  if (typeof s.type === 'string') return new Set([s.type]);
  if (Array.isArray(s.type)) return new Set(s.type.filter((t): t is string => typeof t === 'string'));
  if (Array.isArray(s.allOf)) for (const m of s.allOf) { const t = types(model, m); if (t.size) return t; }
  if (s.items !== undefined || typeof s.maxItems === 'number') return new Set(['array']);
  if (s.properties !== undefined) return new Set(['object']);
  return new Set();
}

export function isObject(v: unknown): v is Obj {
  return isObj(v);
}
