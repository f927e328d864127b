// Values for code samples when the spec gives no example: built from the schema so that they
// type-check against the generated client (enum members, consts, required properties only,
// read-only fields left out of requests), never random and never time-dependent.
import { SchemaReader, type SchemaAt } from './schema-view.ts';

const formatSamples: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-0000-0000-000000000000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

/** An example of a schema: its own example, default or first enum member, else one built from its type. */
export function sampleValue(reader: SchemaReader, at: SchemaAt, direction: 'request' | 'response', depth = 0, stack: ReadonlySet<string> = new Set()): unknown {
  const view = reader.view(at);
  if (view.constValue) return view.constValue.value;
  if (view.examples.length) return view.examples[0];
  if (view.defaultValue) return view.defaultValue.value;
  if (view.enumValues?.length) return view.enumValues[0];
  if (depth > 8 || stack.has(view.key)) return view.nullable ? null : undefined;
  const inner = new Set(stack).add(view.key);
  if (view.alternatives) return sampleValue(reader, view.alternatives.options[0]!, direction, depth + 1, inner);
  const type = view.types[0] ?? (view.properties.length ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of view.properties) {
        if (!view.required.has(p.name) && !view.chosenRequired.has(p.name)) continue;
        const pv = reader.view(p.at);
        if ((direction === 'request' && pv.readOnly) || (direction === 'response' && pv.writeOnly)) continue;
        const v = sampleValue(reader, p.at, direction, depth + 1, inner);
        if (v !== undefined) defineValue(out, p.name, v);
      }
      return out;
    }
    case 'array': {
      if (view.prefixItems.length) return view.prefixItems.map((item) => sampleValue(reader, item, direction, depth + 1, inner) ?? null);
      if (!view.items) return [];
      const v = sampleValue(reader, view.items, direction, depth + 1, inner);
      return v === undefined ? [] : [v];
    }
    case 'string':
      return formatSamples[view.format ?? ''] ?? 'string';
    case 'integer':
    case 'number': {
      const min = view.facts.find((f) => f.label === 'minimum' || f.label === 'greater than');
      if (!min?.text) return 1;
      const n = Number(min.text);
      return min.label === 'greater than' ? (type === 'integer' ? Math.floor(n) + 1 : n + 1) : n;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return view.nullable ? null : {};
  }
}

/** Set a key on a plain object without going through a `__proto__` setter. */
export function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
