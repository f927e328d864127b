// A schema as a reader sees it: `$ref`s followed (the model's schema nodes), `allOf` merged, and
// the fields laid out as rows of a nested table. Both the HTML pages and the Markdown README
// render these rows. Recursion-safe: a schema already being expanded on the current path is shown
// as a link, never expanded again; anonymous nesting stops at a fixed depth.
import { subschemas, unwrap, type Schema } from '../../model/schema.ts';
import type { ApiModel, Extensions } from '../../model/types.ts';

type Obj = Record<string, unknown>;

/** A schema of the model, where it is written (`loc`) included. */
export type SchemaAt = Schema;

/** A type as a list of segments: text, or a link to a component schema. */
export type TypeExpr = ({ text: string } | { ref: string })[];

/** One fact about a value: a label and either code values (enum, default) or plain text. */
export interface Fact {
  label: string;
  code?: string[];
  text?: string;
}

export interface Note {
  kind: 'note' | 'evidence';
  text: string;
}

export interface FieldRow {
  depth: number;
  /** the path of the parent, shown before the name: `events[].` */
  prefix: string;
  name: string;
  kind: 'property' | 'option' | 'map' | 'pattern' | 'value';
  required: boolean;
  type: TypeExpr;
  facts: Fact[];
  description?: string;
  notes: Note[];
  deprecated: boolean;
  /** why the children are not listed here: a schema being expanded already, a schema with its own section, or a table too big */
  stop?: 'recursive' | 'linked' | 'omitted';
}

export interface SchemaView {
  refName?: string;
  types: string[];
  nullable: boolean;
  format?: string;
  description?: string;
  title?: string;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  properties: { name: string; at: SchemaAt }[];
  required: Set<string>;
  /** Fields that meet the first option of each constraint-only anyOf/oneOf (`- required: [a]`): what a sample adds. */
  chosenRequired: Set<string>;
  additional?: SchemaAt | boolean;
  patterns: { pattern: string; at: SchemaAt }[];
  items?: SchemaAt;
  prefixItems: SchemaAt[];
  alternatives?: { kind: 'one of' | 'any of'; options: SchemaAt[] };
  enumValues?: readonly unknown[];
  constValue?: { value: unknown };
  defaultValue?: { value: unknown };
  examples: unknown[];
  facts: Fact[];
  notes: Note[];
  extensions: Extensions;
  /** the node the view is of (for recursion checks) */
  key: string;
}

export class SchemaReader {
  constructor(readonly model: ApiModel) {}

  /** The component schema a node stands for (a component, or a `$ref` to one with annotations beside it). */
  refName(node: Schema): string | undefined {
    return unwrap(node).component;
  }

  /** One view of a node: its `$ref` target and `allOf` members merged, its own keywords winning. */
  view(node: Schema, seen: ReadonlySet<string> = new Set()): SchemaView {
    const key = String(node.id);
    const view: SchemaView = emptyView(key, this.refName(node));
    if (node.bool !== undefined) {
      if (node.bool === false) view.types = ['never'];
      return view;
    }
    if (seen.has(key)) {
      applyOwn(view, node);
      return view;
    }
    const inner = new Set(seen).add(key);
    if (node.ref) mergeInto(view, this.view(node.ref, inner));
    for (const member of node.allOf ?? []) mergeInto(view, this.view(member, inner));
    applyOwn(view, node);
    if (!view.alternatives && node.allOf?.length === 1 && isAnnotationsOnly(node)) {
      // `allOf: [{ $ref }]` with only annotations around it is that schema
      view.refName ??= this.refName(node.allOf[0]!);
    }
    return view;
  }
}

/** A node with nothing but `allOf` and annotations. */
function isAnnotationsOnly(node: Schema): boolean {
  const annotation = new Set(['id', 'name', 'component', 'loc', 'recursive', 'allOf', 'description', 'title', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'default', 'extensions', 'other']);
  return Object.keys(node).every((k) => annotation.has(k)) && !node.type?.some((t) => t !== 'null');
}

/** An alternative that only says which properties must be present. */
function isRequiredOnly(o: Schema): boolean {
  const allowed = new Set(['id', 'name', 'component', 'loc', 'recursive', 'required', 'description', 'title', 'extensions']);
  return o.required !== undefined && Object.keys(o).every((k) => allowed.has(k));
}

function emptyView(key: string, refName?: string): SchemaView {
  return { refName, types: [], nullable: false, deprecated: false, readOnly: false, writeOnly: false, properties: [], required: new Set(), chosenRequired: new Set(), patterns: [], prefixItems: [], examples: [], facts: [], notes: [], extensions: {}, key };
}

function mergeInto(view: SchemaView, m: SchemaView): void {
  if (!view.types.length) view.types = m.types;
  view.nullable ||= m.nullable;
  view.format ??= m.format;
  view.description ??= m.description;
  view.title ??= m.title;
  view.deprecated ||= m.deprecated;
  view.readOnly ||= m.readOnly;
  view.writeOnly ||= m.writeOnly;
  for (const p of m.properties) {
    const i = view.properties.findIndex((q) => q.name === p.name);
    if (i >= 0) view.properties[i] = p;
    else view.properties.push(p);
  }
  for (const r of m.required) view.required.add(r);
  for (const r of m.chosenRequired) view.chosenRequired.add(r);
  view.additional ??= m.additional;
  view.patterns.push(...m.patterns);
  view.items ??= m.items;
  if (!view.prefixItems.length) view.prefixItems = m.prefixItems;
  view.alternatives ??= m.alternatives;
  view.enumValues ??= m.enumValues;
  view.constValue ??= m.constValue;
  view.defaultValue ??= m.defaultValue;
  if (!view.examples.length) view.examples = m.examples;
  for (const f of m.facts) if (!view.facts.some((g) => g.label === f.label)) view.facts.push(f);
}

const limitLabels: ['minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minProperties' | 'maxProperties' | 'multipleOf' | 'contentMediaType' | 'contentEncoding', string][] = [
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
  ['minProperties', 'min properties'],
  ['maxProperties', 'max properties'],
  ['multipleOf', 'multiple of'],
  ['contentMediaType', 'content type'],
  ['contentEncoding', 'encoding'],
];

function applyOwn(view: SchemaView, s: Schema): void {
  const types = s.type ?? [];
  if (types.length) view.types = types.filter((x) => x !== 'null');
  if (types.includes('null')) view.nullable = true;
  if (!view.types.length && !types.length) {
    if (s.properties || (s.additionalProperties && s.additionalProperties.bool === undefined) || s.patternProperties) view.types = ['object'];
    else if (s.items || s.prefixItems) view.types = ['array'];
  }
  if (s.format !== undefined) view.format = s.format;
  if (s.description !== undefined) view.description = s.description;
  if (s.title !== undefined) view.title = s.title;
  if (s.deprecated) view.deprecated = true;
  if (s.readOnly) view.readOnly = true;
  if (s.writeOnly) view.writeOnly = true;
  for (const { name, schema } of s.properties ?? []) {
    const p = { name, at: schema };
    const i = view.properties.findIndex((q) => q.name === name);
    if (i >= 0) view.properties[i] = p;
    else view.properties.push(p);
  }
  for (const r of s.required ?? []) view.required.add(r);
  if (s.additionalProperties) view.additional = s.additionalProperties.bool ?? s.additionalProperties;
  for (const { pattern, schema } of s.patternProperties ?? []) view.patterns.push({ pattern, at: schema });
  if (s.items) view.items = s.items;
  if (s.prefixItems) view.prefixItems = s.prefixItems;
  const requirementFacts: Fact[] = [];
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const options = s[kind] ?? [];
    if (!options.length) continue;
    if (options.every(isRequiredOnly)) {
      // `anyOf: [{ required: [a] }, { required: [b] }]` is a rule about which fields are present
      const sets = options.map((o) => o.required!.join(' and '));
      requirementFacts.push({ label: 'requires', text: `${kind === 'oneOf' ? 'exactly one' : 'at least one'} of: ${sets.join('; ')}` });
      for (const r of options[0]!.required!) view.chosenRequired.add(r);
      continue;
    }
    view.alternatives = { kind: kind === 'oneOf' ? 'one of' : 'any of', options };
  }
  if (s.discriminator) requirementFacts.push({ label: 'discriminator', code: [s.discriminator.propertyName] });
  if (s.not) {
    const n = s.not;
    if (n.pattern !== undefined) requirementFacts.push({ label: 'must not match', code: [n.pattern] });
    else if (n.enum) requirementFacts.push({ label: 'not one of', code: n.enum.map(codeValue) });
    else if (n.const) requirementFacts.push({ label: 'not', code: [codeValue(n.const.value)] });
    else if (n.required) requirementFacts.push({ label: 'must not have', text: n.required.join(', ') });
    else requirementFacts.push({ label: 'not', text: 'a value matching another schema (see the spec)' });
  }
  if (s.enum) view.enumValues = s.enum;
  if (s.const) view.constValue = s.const;
  if (s.default) view.defaultValue = s.default;
  if (s.examples) view.examples = s.examples;

  const facts: Fact[] = [];
  if (s.exclusiveMinimum !== undefined) facts.push({ label: 'greater than', text: String(s.exclusiveMinimum) });
  else if (s.minimum !== undefined) facts.push({ label: 'minimum', text: String(s.minimum) });
  if (s.exclusiveMaximum !== undefined) facts.push({ label: 'less than', text: String(s.exclusiveMaximum) });
  else if (s.maximum !== undefined) facts.push({ label: 'maximum', text: String(s.maximum) });
  for (const [k, label] of limitLabels) if (s[k] !== undefined) facts.push({ label, text: String(s[k]) });
  if (s.pattern !== undefined) facts.push({ label: 'pattern', code: [s.pattern] });
  if (s.uniqueItems) facts.push({ label: 'unique items', text: 'yes' });
  if (s.additionalProperties?.bool === false && s.properties) facts.push({ label: 'other properties', text: 'not allowed' });
  facts.push(...requirementFacts);
  for (const f of facts) {
    const i = view.facts.findIndex((g) => g.label === f.label);
    if (i >= 0) view.facts[i] = f;
    else view.facts.push(f);
  }
  view.notes = notesOf(s.extensions);
  view.extensions = s.extensions;
}

/** `x-oaskit-note` and `x-oaskit-evidence` of any spec object, as notes to show. */
export function notesOf(ext: Extensions | Obj): Note[] {
  const out: Note[] = [];
  for (const [key, kind] of [
    ['x-oaskit-note', 'note'],
    ['x-oaskit-evidence', 'evidence'],
  ] as const) {
    const v = ext[key];
    const texts = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    for (const text of texts) if (text.trim()) out.push({ kind, text });
  }
  return out;
}

/** A value as code text: strings JSON-quoted, so `""` and `" "` are visible. */
export function codeValue(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s;
}

/** The facts of a view for display: enum, const, default, limits, examples, flags. */
export function factsOf(view: SchemaView, withExamples = true): Fact[] {
  const out: Fact[] = [];
  if (view.constValue) out.push({ label: 'value', code: [codeValue(view.constValue.value)] });
  if (view.enumValues) out.push({ label: view.enumValues.length === 1 ? 'value' : 'one of', code: view.enumValues.map(codeValue) });
  if (view.defaultValue) out.push({ label: 'default', code: [codeValue(view.defaultValue.value)] });
  out.push(...view.facts);
  if (view.readOnly) out.push({ label: 'read-only', text: 'in responses only' });
  if (view.writeOnly) out.push({ label: 'write-only', text: 'in requests only' });
  if (withExamples && view.examples.length) out.push({ label: view.examples.length > 1 ? 'examples' : 'example', code: view.examples.slice(0, 3).map(codeValue) });
  return out;
}

export interface RowOptions {
  /** expand component schemas inline (operations); false: link them (schema sections) */
  expandNamed: boolean;
  /** stop and report `undefined` when more rows than this would be produced */
  budget?: number;
  /** nesting shown; deeper fields are summarised on their parent row */
  maxDepth?: number;
}

const maxDepth = 12;
/** Rows any one table may have; beyond it nesting is cut back level by level. */
const hardBudget = 400;

export interface FieldTable {
  /** the type of the whole value */
  type: TypeExpr;
  view: SchemaView;
  rows: FieldRow[];
}

/**
 * The rows of a schema's fields. For an operation, component schemas are expanded inline when the
 * whole table stays under the budget; otherwise they are links to their sections. A table that
 * is still too big (deeply nested inline schemas) lists fewer levels.
 */
export function fieldTable(reader: SchemaReader, at: SchemaAt, options: RowOptions): FieldTable {
  const rootView = reader.view(at);
  const tries: RowOptions[] = [];
  if (options.expandNamed) tries.push({ expandNamed: true, budget: Math.min(options.budget ?? hardBudget, hardBudget) });
  tries.push({ expandNamed: false, budget: hardBudget });
  for (const depth of [4, 2, 1, 0]) tries.push({ expandNamed: false, budget: depth === 0 ? undefined : hardBudget, maxDepth: depth });
  for (const t of tries) {
    const table = walkRoot(reader, at, rootView, t);
    if (table) return table;
  }
  throw new Error('unreachable');
}

class OverBudget extends Error {}

function walkRoot(reader: SchemaReader, at: SchemaAt, view: SchemaView, options: RowOptions): FieldTable | undefined {
  const rows: FieldRow[] = [];
  const stack = new Set<string>([view.key]);
  try {
    childrenOf(reader, view, 0, '', stack, rows, options);
  } catch (error) {
    if (error instanceof OverBudget) return undefined;
    throw error;
  }
  return { type: typeOf(reader, view, at, true), view, rows };
}

/** Whether a view has fields of its own to list under it (directly, or through its items). */
function hasChildren(reader: SchemaReader, view: SchemaView, depth = 0): boolean {
  if (depth > 8) return false;
  if (view.properties.length || view.patterns.length || view.alternatives || view.prefixItems.length) return true;
  if (typeof view.additional === 'object' && hasChildren(reader, reader.view(view.additional), depth + 1)) return true;
  if (view.items) return hasChildren(reader, reader.view(view.items), depth + 1);
  return false;
}

function ownChildren(reader: SchemaReader, view: SchemaView): boolean {
  if (view.properties.length > 0 || view.patterns.length > 0 || view.alternatives !== undefined || view.prefixItems.length > 0) return true;
  return typeof view.additional === 'object' && hasChildren(reader, reader.view(view.additional));
}

function push(rows: FieldRow[], row: FieldRow, options: RowOptions): void {
  rows.push(row);
  if (options.budget !== undefined && rows.length > options.budget) throw new OverBudget();
}

/** The rows under a view: its properties, pattern and additional properties, tuple items, alternatives. */
function childrenOf(reader: SchemaReader, view: SchemaView, depth: number, prefix: string, stack: Set<string>, rows: FieldRow[], options: RowOptions): void {
  if (depth > (options.maxDepth ?? maxDepth)) return;
  if (!ownChildren(reader, view) && view.items) {
    // an array: its items' fields, under `[].`
    const itemView = reader.view(view.items);
    if (stack.has(itemView.key) || !hasChildren(reader, itemView)) return;
    childrenOf(reader, itemView, depth, prefix + '[].', new Set(stack).add(itemView.key), rows, options);
    return;
  }
  for (const p of view.properties) {
    fieldRow(reader, p.at, { name: p.name, kind: 'property', required: view.required.has(p.name) }, depth, prefix, stack, rows, options);
  }
  for (const p of view.patterns) {
    fieldRow(reader, p.at, { name: `/${p.pattern}/`, kind: 'pattern', required: false }, depth, prefix, stack, rows, options);
  }
  if (typeof view.additional === 'object' && (view.properties.length || view.patterns.length || hasChildren(reader, reader.view(view.additional)))) {
    fieldRow(reader, view.additional, { name: '{key}', kind: 'map', required: false }, depth, prefix, stack, rows, options);
  }
  view.prefixItems.forEach((item, i) => fieldRow(reader, item, { name: `[${i}]`, kind: 'value', required: true }, depth, prefix, stack, rows, options));
  if (view.alternatives) {
    const n = view.alternatives.options.length;
    view.alternatives.options.forEach((option, i) => {
      fieldRow(reader, option, { name: `option ${i + 1} of ${n}`, kind: 'option', required: false }, depth, prefix, stack, rows, options);
    });
  }
}

function fieldRow(reader: SchemaReader, at: SchemaAt, head: { name: string; kind: FieldRow['kind']; required: boolean }, depth: number, prefix: string, stack: Set<string>, rows: FieldRow[], options: RowOptions): void {
  const view = reader.view(at);
  const row: FieldRow = {
    depth,
    prefix,
    name: head.name,
    kind: head.kind,
    required: head.required,
    type: typeOf(reader, view, at, false),
    facts: factsOf(view),
    description: view.description ?? (head.kind === 'option' ? view.title : undefined),
    notes: view.refName && !isRefWithNotes(at) ? [] : view.notes,
    deprecated: view.deprecated,
  };
  const itemView = view.items ? reader.view(view.items) : undefined;
  // an array of values: the items' constraints go on the array's row
  if (itemView && !ownChildren(reader, view) && !hasChildren(reader, itemView)) {
    for (const f of factsOf(itemView, false)) row.facts.push({ ...f, label: 'each: ' + f.label });
  }
  push(rows, row, options);
  const base = head.kind === 'option' ? prefix : prefix + head.name;
  let container: SchemaView;
  let childPrefix: string;
  if (ownChildren(reader, view)) {
    container = view;
    childPrefix = head.kind === 'option' ? prefix : base + '.';
  } else if (itemView && hasChildren(reader, itemView)) {
    container = itemView;
    childPrefix = base + '[].';
  } else return;
  if (stack.has(container.key) || stack.has(view.key)) {
    row.stop = 'recursive';
    return;
  }
  if ((container.refName ?? view.refName) && !options.expandNamed) {
    row.stop = 'linked';
    return;
  }
  if (options.maxDepth !== undefined && depth + 1 > options.maxDepth) {
    row.stop = 'omitted';
    return;
  }
  childrenOf(reader, container, depth + 1, childPrefix, new Set(stack).add(view.key).add(container.key), rows, options);
}

/** A `$ref` with its own `x-oaskit-note` next to it (3.1 allows siblings). */
function isRefWithNotes(at: SchemaAt): boolean {
  return at.ref !== undefined && notesOf(at.extensions).length > 0;
}

/** `string (date-time)`, `array of Event`, `map of string`, `one of`, `Event | null`. */
export function typeOf(reader: SchemaReader, view: SchemaView, at: SchemaAt, isRoot: boolean, depth = 0): TypeExpr {
  const out: TypeExpr = [];
  const nullable = view.nullable ? [{ text: ' | null' }] : [];
  if (view.refName && !isRoot) return [{ ref: view.refName }, ...nullable];
  if (depth > 4) return [{ text: 'any' }];
  if (view.alternatives && !view.types.length) {
    out.push({ text: view.alternatives.kind });
    return [...out, ...nullable];
  }
  if (view.constValue && !view.types.length) return [{ text: 'constant' }, ...nullable];
  const types = view.types.length ? view.types : view.enumValues ? ['enum'] : [];
  if (!types.length) return [{ text: view.nullable ? 'null' : 'any' }];
  types.forEach((t, i) => {
    if (i) out.push({ text: ' | ' });
    if (t === 'array' && view.items) {
      const iv = reader.view(view.items);
      out.push({ text: 'array of ' }, ...typeOf(reader, iv, view.items, false, depth + 1));
    } else if (t === 'array' && view.prefixItems.length) {
      out.push({ text: `tuple of ${view.prefixItems.length}` });
    } else if (t === 'object' && !view.properties.length && typeof view.additional === 'object') {
      const av = reader.view(view.additional);
      out.push({ text: 'map of ' }, ...typeOf(reader, av, view.additional, false, depth + 1));
    } else {
      out.push({ text: t + (view.format && t !== 'object' && t !== 'array' ? ` (${view.format})` : '') });
    }
  });
  return [...out, ...nullable];
}

/**
 * Component schemas a schema names directly (not through other components). `use`: the node is
 * a use site (a parameter's or a body's schema), so a component there counts itself.
 */
export function refsIn(reader: SchemaReader, node: Schema, use = false): string[] {
  const out: string[] = [];
  const seen = new Set<Schema>();
  const stack: Schema[] = [node];
  let first = !use;
  while (stack.length) {
    const s = stack.pop()!;
    const name = first ? undefined : reader.refName(s);
    first = false;
    if (name !== undefined) {
      if (!out.includes(name)) out.push(name);
      continue;
    }
    if (seen.has(s)) continue;
    seen.add(s);
    const subs = subschemas(s);
    for (let i = subs.length - 1; i >= 0; i--) stack.push(subs[i]!.schema);
  }
  return out;
}
