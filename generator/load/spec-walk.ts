// Walking the structure of a spec. In a spec, some maps hold names (`properties`, `responses`,
// `paths`...) and some values are data (`example`, `default`, `enum`...). A walker that confuses
// the two reads a property called `default` as data, or a `$ref` inside an example as a reference.
import { escapeSegment, isObject } from '../core/pointer.ts';
import { grammar, schemaApplicators } from '../core/grammar.ts';

// Both sets come from the one grammar (core/grammar.ts), so the walker that finds refs in files of
// any kind (fragments too, whose kind nobody declared) reads structure as the rules do.

/** Keys whose value maps names to nodes: there `example` or `default` is a name, not data. */
const nameMapKeys = new Set(Object.entries(schemaApplicators).filter(([, a]) => a === 'map').map(([k]) => k));
/** Keys whose value is data (an example's `value`, `enum`, `default`...): refs are never read there. */
const dataKeys = new Set<string>();
{
  const structure = new Set<string>();
  for (const kind of Object.values(grammar)) {
    for (const [key, field] of Object.entries(kind.fields)) {
      const shape = field.shape;
      if (!('data' in shape)) {
        // the fields of a map kind (`default` of a Responses object) are names, not structure elsewhere
        if (!kind.entries) structure.add(key);
        if (shape.many === 'map' || grammar[shape.of].entries) nameMapKeys.add(key);
      } else if (shape.data === 'any' || shape.data === 'object' || shape.data === 'array') dataKeys.add(key);
    }
  }
  for (const key of structure) dataKeys.delete(key);
}

export interface WalkContext {
  pointer: string;
  /** the key this node is under, and the key above that */
  key: string;
  parentKey: string;
  /** a map of names (`properties`, `responses`...): its keys are names, its members nodes */
  isNameMap: boolean;
}

/**
 * Calls `visit` for every object of spec structure (name maps included, flagged), parents before children. The visitor may
 * change the node (replace or delete its members): children are read after it returns.
 * Array-valued `examples` (JSON Schema's) are data too.
 */
export function walkStructure(root: unknown, visit: (node: Record<string, unknown>, ctx: WalkContext) => void, pointer = ''): void {
  const stack: [unknown, string, string, string, boolean][] = [[root, pointer, '', '', false]];
  while (stack.length) {
    const [node, p, key, parentKey, isNameMap] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${p}/${i}`, String(i), key, false]);
      continue;
    }
    if (!isObject(node)) continue;
    visit(node, { pointer: p, key, parentKey, isNameMap });
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const v = node[k];
      if (!isNameMap && (dataKeys.has(k) || (k === 'examples' && Array.isArray(v)))) continue;
      stack.push([v, `${p}/${escapeSegment(k)}`, k, key, !isNameMap && nameMapKeys.has(k)]);
    }
  }
}
