// Markdown for hovers: a schema (type, constraints, properties, description) and the other
// OpenAPI objects a `$ref` can point at. Names and values from the spec go into code spans with
// their backticks neutralised; descriptions are CommonMark already and are shown as written.
import { isObject } from '../core/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { grammar, type Kind } from '../core/grammar.ts';
import { unescapeSegment } from '../core/pointer.ts';

const constraintKeywords = [
  'format',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'const',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
  'nullable',
] as const;

export function code(text: string): string {
  const t = text.replace(/\r?\n/g, ' ');
  const fence = t.includes('`') ? '`` ' : '`';
  return fence + t + (fence === '`' ? '`' : ' ``');
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/** `Pet` for `#/components/schemas/Pet`, else the ref itself. */
export function refLabel(ref: string): string {
  const hash = ref.indexOf('#');
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const last = fragment.split('/').filter(Boolean).at(-1);
  if (last) return unescapeSegment(last);
  return (hash < 0 ? ref : ref.slice(0, hash)).split('/').at(-1) || ref;
}

/** A one-line type: `string (date-time)`, `array of Pet`, `Pet | Error`, `object`. */
export function typeLine(schema: unknown, depth = 0): string {
  if (schema === true) return 'any';
  if (schema === false) return 'never';
  if (!isObject(schema)) return 'any';
  if (typeof schema.$ref === 'string' && depth > 0) return refLabel(schema.$ref);
  const alternatives = (Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined) as unknown[] | undefined;
  if (alternatives && schema.type === undefined) return alternatives.map((s) => typeLine(s, depth + 1)).join(' | ');
  if (Array.isArray(schema.allOf) && schema.type === undefined) return schema.allOf.map((s) => typeLine(s, depth + 1)).join(' & ');
  let types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) {
    if (typeof schema.$ref === 'string') return refLabel(schema.$ref);
    types = isObject(schema.properties) ? ['object'] : schema.items !== undefined ? ['array'] : Array.isArray(schema.enum) ? ['enum'] : ['any'];
  }
  const text = types
    .map((t) => {
      if (t === 'array' && schema.items !== undefined && depth < 3) return `array of ${typeLine(schema.items, depth + 1)}`;
      if (t !== 'object' && t !== 'array' && typeof schema.format === 'string') return `${t} (${schema.format})`;
      return t;
    })
    .join(' | ');
  return schema.nullable === true ? `${text} | null` : text;
}

/** Markdown for a schema: title line, description, constraints, enum, properties, members. */
export function describeSchema(schema: unknown, options: { title?: string; ws?: Workspace; loc?: Loc } = {}): string {
  const out: string[] = [];
  let s = schema;
  let via: string | undefined;
  // a bare $ref: describe its target (its name stays in the title)
  if (isObject(s) && typeof s.$ref === 'string' && Object.keys(s).length === 1 && options.ws && options.loc) {
    const r = options.ws.deref(options.loc, s);
    if (r.ok) {
      via = refLabel(s.$ref);
      s = r.target.value;
    }
  }
  const title = options.title ?? (isObject(s) && typeof s.title === 'string' ? s.title : via);
  out.push(`${title ? `**${escapeMarkdown(title)}**: ` : ''}${code(typeLine(s))}`);
  if (!isObject(s)) return out.join('\n\n');
  if (typeof s.description === 'string' && s.description.trim()) out.push(s.description.trim());
  const constraints = constraintKeywords.filter((k) => s[k] !== undefined).map((k) => `${k}: ${code(short(s[k]))}`);
  if (constraints.length) out.push(constraints.join(' · '));
  if (Array.isArray(s.enum)) out.push(`one of: ${s.enum.slice(0, 20).map((v) => code(short(v))).join(', ')}${s.enum.length > 20 ? ', …' : ''}`);
  if (isObject(s.properties)) {
    const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    const names = Object.keys(s.properties);
    const rows = names.slice(0, 25).map((name) => `- ${code(name)}${required.has(name) ? ' (required)' : ''}: ${code(typeLine((s.properties as Record<string, unknown>)[name], 1))}`);
    if (names.length > 25) rows.push(`- … ${names.length - 25} more`);
    out.push(rows.join('\n'));
  }
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k])) out.push(`${k}: ${(s[k] as unknown[]).map((m) => code(typeLine(m, 1))).join(', ')}`);
  }
  return out.join('\n\n');
}

/** Markdown for any OpenAPI object a ref can reach. */
export function describeObject(kind: Kind, value: unknown, name: string | undefined, ws?: Workspace, loc?: Loc): string {
  if (kind === 'schema') return describeSchema(value, { title: name, ws, loc });
  const g = grammar[kind];
  const out = [`**${g.title}**${name ? ` ${code(name)}` : ''}`];
  if (!isObject(value)) return out.join('\n\n');
  if (kind === 'parameter' || kind === 'header') {
    const where = kind === 'parameter' ? `${code(String(value.name))} in ${code(String(value.in))}` : '';
    const type = value.schema !== undefined ? code(typeLine(value.schema)) : '';
    out.push([where, type, value.required === true ? 'required' : ''].filter(Boolean).join(' · '));
  }
  if (kind === 'securityScheme') out.push([value.type, value.scheme, value.in, value.name].filter((x) => typeof x === 'string').map((x) => code(String(x))).join(' · '));
  for (const k of ['summary', 'description']) if (typeof value[k] === 'string' && (value[k] as string).trim()) out.push((value[k] as string).trim());
  if (isObject(value.content)) out.push(`content: ${Object.keys(value.content).map(code).join(', ')}`);
  return out.join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!<>|])/g, '\\$1');
}
