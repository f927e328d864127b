// What TypeScript can say of a schema's composite keywords. A *refinement* narrows the value it
// applies to without saying what it is (`- required: [segment_id]`, `if: {required: [a]}`,
// `not: {required: [b]}`, `dependentRequired`); openapi-typescript prints one as `unknown`, which
// swallows the union it is in. Here the refinements of a node are read as conjuncts, each a
// disjunction of alternatives over the node's properties (a property required, absent, narrowed to
// a schema or limited to some values), so the types emitter can print
// `Base & ({ segment_id: string } | { external_user_ids: ExternalUserIds })`. What no alternative
// can say (patterns, lengths, ranges, the formats of a string) is listed in words for the JSDoc.
import { objectProperties, unwrap, type Schema } from './schema.ts';

/** What one alternative says of one property. */
export interface PropertyTerm {
  required: boolean;
  absent: boolean;
  /** schemas the value also matches (a `then` narrowing a property) */
  narrow: Schema[];
  /** the only values it may take (from `const` / `enum`, or what a negation leaves) */
  values?: unknown[];
}

/** A conjunction of property terms. */
export type Alternative = Map<string, PropertyTerm>;

export interface Conjunct {
  /** the value matches one of these (never empty: an unsatisfiable conjunct is not printed) */
  alternatives: Alternative[];
  /** the keyword it comes from (`anyOf`, `if`, `dependentRequired/asset_url`…), for comments */
  from: string;
}

export interface TypeShape {
  /** the value matches one alternative of every conjunct (besides the node's own keywords) */
  conjuncts: Conjunct[];
  /** keywords read into conjuncts (or found to constrain nothing a type can): the printer leaves them out */
  folded: Set<'anyOf' | 'oneOf' | 'if' | 'dependentRequired' | 'not' | 'propertyNames' | `allOf/${number}`>;
  /** what the type cannot check, in words (`pattern ^[0-9]+$`, `at most 50 items`) */
  unchecked: string[];
}

/** Alternatives of one conjunct before it is given up as too large to print readably. */
const maxAlternatives = 16;

const shapes = new WeakMap<Schema, TypeShape>();

/** The type shape of a node (computed once per node). */
export function typeShape(node: Schema): TypeShape {
  let shape = shapes.get(node);
  if (!shape) shapes.set(node, (shape = hasComposites(node) ? new ShapeReader(node).read() : { conjuncts: [], folded: new Set(), unchecked: uncheckedKeywords(node) }));
  return shape;
}

/** Does the node have a keyword the shape reader reads (most nodes have none: their shape is their unchecked keywords)? */
function hasComposites(s: Schema): boolean {
  return !!(s.anyOf?.length || s.oneOf?.length || s.allOf?.length || s.if || s.dependentRequired || s.not || s.propertyNames);
}

/** True when a schema only narrows: no type, no ref, no values, no structure of its own beyond property narrowings. */
export function isRefinement(s: Schema): boolean {
  if (s.bool !== undefined) return s.bool;
  if (s.ref || s.type || s.enum || s.const || s.items || s.prefixItems || s.additionalProperties || s.patternProperties) return false;
  if (s.unevaluatedProperties || s.unevaluatedItems || s.discriminator || s.contains) return false;
  for (const x of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? []), s.not, s.if, s.then, s.else]) if (x && !isRefinement(x)) return false;
  return true;
}

/** Constraints of a node's own that no TypeScript type can express, in words. */
export function uncheckedKeywords(s: Schema): string[] {
  const out: string[] = [];
  if (s.pattern !== undefined) out.push(`pattern \`${s.pattern}\``);
  const range = (min: number | undefined, max: number | undefined, one: string, many: string) => {
    const unit = (n: number) => (n === 1 ? one : many);
    if (min !== undefined && max !== undefined) out.push(min === max ? `exactly ${min} ${unit(min)}` : `${min} to ${max} ${many}`);
    else if (min !== undefined && min > 0) out.push(`at least ${min} ${unit(min)}`);
    else if (max !== undefined) out.push(`at most ${max} ${unit(max)}`);
  };
  range(s.minLength, s.maxLength, 'character', 'characters');
  range(s.minItems, s.maxItems, 'item', 'items');
  range(s.minProperties, s.maxProperties, 'property', 'properties');
  if (s.minimum !== undefined) out.push(`at least ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`more than ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`at most ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`less than ${s.exclusiveMaximum}`);
  if (s.multipleOf !== undefined) out.push(`a multiple of ${s.multipleOf}`);
  if (s.uniqueItems) out.push('unique items');
  if (s.contains) out.push('`contains`');
  return out;
}

/** A refinement in words, for what cannot be printed (`format date-time`, `required a, b`). */
function describe(s: Schema): string {
  if (s.bool !== undefined) return String(s.bool);
  const parts: string[] = [];
  if (s.type) parts.push(`type ${s.type.join(' or ')}`);
  if (s.format !== undefined) parts.push(`format ${s.format}`);
  parts.push(...uncheckedKeywords(s));
  if (s.required?.length) parts.push(`required ${s.required.join(', ')}`);
  if (s.properties?.length) parts.push(`properties ${s.properties.map((p) => p.name).join(', ')} narrowed`);
  if (s.not) parts.push(`not (${describe(s.not)})`);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (s[k]) parts.push(`${k} (${s[k]!.map(describe).join(' | ')})`);
  if (s.if) parts.push('if/then/else');
  return parts.join(', ') || 'anything';
}

function term(): PropertyTerm {
  return { required: false, absent: false, narrow: [] };
}

function one(name: string, t: Partial<PropertyTerm>): Alternative[] {
  return [new Map([[name, { ...term(), ...t }]])];
}

const key = (v: unknown) => JSON.stringify(v);

/** Two alternatives together, or undefined when they contradict each other. */
function meet(a: Alternative, b: Alternative): Alternative | undefined {
  const out: Alternative = new Map([...a].map(([k, t]) => [k, { ...t, narrow: [...t.narrow] }]));
  for (const [k, t] of b) {
    const mine = out.get(k);
    if (!mine) {
      out.set(k, { ...t, narrow: [...t.narrow] });
      continue;
    }
    mine.required ||= t.required;
    mine.absent ||= t.absent;
    mine.narrow.push(...t.narrow.filter((n) => !mine.narrow.includes(n)));
    if (t.values) mine.values = mine.values ? mine.values.filter((v) => t.values!.some((w) => key(w) === key(v))) : t.values;
  }
  for (const t of out.values()) {
    if (t.required && t.absent) return undefined;
    if (t.values?.length === 0) {
      if (t.required) return undefined;
      // no value is allowed: the property cannot be there
      t.absent = true;
    }
    if (t.absent) (t.narrow = []), delete t.values;
  }
  return out;
}

/** Both disjunctions hold (cross product), or undefined when too large to print. */
function and(xs: Alternative[] | undefined, ys: Alternative[] | undefined): Alternative[] | undefined {
  if (!xs || !ys) return undefined;
  const out: Alternative[] = [];
  for (const x of xs) for (const y of ys) {
    const m = meet(x, y);
    if (m) out.push(m);
  }
  return out.length > maxAlternatives ? undefined : out;
}

class ShapeReader {
  private readonly notes: string[] = [];
  private properties?: Map<string, { schema: Schema; required: boolean }>;

  constructor(private readonly node: Schema) {}

  /** The node's properties: only a node with composite keywords asks (most nodes have none). */
  private get base(): Map<string, { schema: Schema; required: boolean }> {
    return (this.properties ??= objectProperties(this.node));
  }

  read(): TypeShape {
    const s = this.node;
    const shape: TypeShape = { conjuncts: [], folded: new Set(), unchecked: uncheckedKeywords(s) };
    const add = (from: string, alts: Alternative[] | undefined, folds: () => void): boolean => {
      if (!alts) return false;
      folds();
      const pruned = this.prune(alts);
      // an unconstrained alternative makes the whole conjunct true: nothing to print
      if (pruned.some((a) => a.size === 0)) return true;
      if (pruned.length) shape.conjuncts.push({ alternatives: merged(pruned), from });
      else shape.conjuncts.push({ alternatives: [], from });
      return true;
    };
    const unchecked = (what: string) => shape.unchecked.push(what);
    for (const k of ['anyOf', 'oneOf'] as const) {
      const members = s[k];
      if (!members?.length || !members.every(isRefinement)) {
        if (members?.some((m) => isRefinement(m) && m.bool === undefined)) unchecked(`${k} (${members.map(describe).join(' | ')})`);
        continue;
      }
      const before = this.notes.length;
      const alts = k === 'oneOf' ? this.exclusive(members) : this.union(members);
      const noted = this.notes.splice(before);
      if (!add(k, alts, () => shape.folded.add(k))) unchecked(`${k} (${members.map(describe).join(' | ')})`);
      else if (noted.length) unchecked(`${k === 'oneOf' ? 'exactly one' : 'one or more'} of (${members.map(describe).join(' | ')})`);
    }
    (s.allOf ?? []).forEach((m, i) => {
      if (!isRefinement(m)) return;
      const before = this.notes.length;
      const alts = this.dnf(m);
      const noted = this.notes.splice(before);
      if (!add(`allOf/${i}`, alts, () => shape.folded.add(`allOf/${i}`))) unchecked(describe(m));
      else shape.unchecked.push(...noted);
    });
    if (s.if) {
      const before = this.notes.length;
      const alts = this.conditional(s);
      const noted = this.notes.splice(before);
      if (!add('if', alts, () => shape.folded.add('if'))) unchecked(`if (${describe(s.if)})${s.then ? ` then (${describe(s.then)})` : ''}${s.else ? ` else (${describe(s.else)})` : ''}`);
      else shape.unchecked.push(...noted);
    }
    if (s.dependentRequired) {
      shape.folded.add('dependentRequired');
      for (const d of s.dependentRequired) {
        add(`dependentRequired/${d.property}`, this.dependent(d.property, d.requires), () => {});
      }
    }
    if (s.not) {
      // `not: {anyOf: [A, B]}` is (not A) and (not B): one conjunct each, easier to read than their product
      const parts = s.not.anyOf && isRefinement(s.not) && Object.keys(s.not).every((k) => ['anyOf', 'id', 'name', 'loc', 'recursive', 'extensions', 'description', 'title'].includes(k)) ? s.not.anyOf : [s.not];
      const negations = parts.map((p) => this.negate(this.exact(p)));
      if (negations.every((n) => n !== undefined)) {
        shape.folded.add('not');
        negations.forEach((n) => add('not', n, () => {}));
      } else unchecked(`not (${describe(s.not)})`);
      this.notes.length = 0;
    }
    if (s.propertyNames) {
      const names = forbiddenNames(s.propertyNames);
      if (names) {
        shape.folded.add('propertyNames');
        for (const name of names) add('propertyNames', one(name, { absent: true }), () => {});
      } else unchecked(`property names: ${describe(s.propertyNames)}`);
    }
    return shape;
  }

  /** The values a property of the node can take, when the node says (an enum, a const, a boolean). */
  private valuesOf(name: string): unknown[] | undefined {
    const p = this.base.get(name);
    if (!p) return undefined;
    const s = unwrap(p.schema);
    if (s.const) return [s.const.value];
    if (s.enum) return [...s.enum];
    if (s.type?.length === 1 && s.type[0] === 'boolean') return [true, false];
    return undefined;
  }

  /** Alternatives that require what the node forbids, or leave out what it requires, go. */
  private prune(alts: Alternative[]): Alternative[] {
    return alts.filter((a) => ![...a].some(([k, t]) => t.absent && this.base.get(k)?.required));
  }

  /** A refinement as a disjunction of alternatives, or undefined when it cannot be one. */
  dnf(s: Schema): Alternative[] | undefined {
    if (s.bool !== undefined) return s.bool ? [new Map()] : [];
    if (!isRefinement(s)) return undefined;
    let acc: Alternative[] | undefined = [new Map()];
    if (s.format !== undefined) this.notes.push(`format ${s.format}`);
    this.notes.push(...uncheckedKeywords(s));
    for (const k of s.required ?? []) acc = and(acc, one(k, { required: true }));
    for (const p of s.properties ?? []) {
      const x = unwrap(p.schema);
      const only = Object.keys(x).every((k) => ['id', 'name', 'loc', 'recursive', 'extensions', 'const', 'enum', 'type', 'description', 'title'].includes(k));
      if (x.bool === false) acc = and(acc, one(p.name, { absent: true }));
      else if (x.bool === true) continue;
      else if (only && (x.const || x.enum)) acc = and(acc, one(p.name, { values: x.const ? [x.const.value] : [...x.enum!] }));
      else acc = and(acc, one(p.name, { narrow: [p.schema] }));
    }
    for (const d of s.dependentRequired ?? []) acc = and(acc, this.dependent(d.property, d.requires));
    for (const m of s.allOf ?? []) acc = and(acc, this.dnf(m));
    if (s.anyOf) acc = and(acc, this.union(s.anyOf));
    if (s.oneOf) acc = and(acc, this.exclusive(s.oneOf));
    if (s.not) acc = and(acc, this.negate(this.exact(s.not)));
    if (s.if) acc = and(acc, this.conditional(s));
    return acc;
  }

  private union(members: Schema[]): Alternative[] | undefined {
    const out: Alternative[] = [];
    for (const m of members) {
      const d = this.dnf(m);
      if (!d) return undefined;
      out.push(...d);
    }
    return out.length > maxAlternatives ? undefined : out;
  }

  /** oneOf: each member's alternatives, with the other members ruled out where that can be said. */
  private exclusive(members: Schema[]): Alternative[] | undefined {
    const each = members.map((m) => this.dnf(m));
    if (each.some((d) => !d)) return undefined;
    const exact = members.map((m) => this.exact(m));
    const out: Alternative[] = [];
    each.forEach((d, i) => {
      let alts: Alternative[] = d!;
      each.forEach((other, j) => {
        if (j === i) return;
        const ruledOut = exact[j] && other && and(alts, this.negate(other));
        if (ruledOut) alts = ruledOut;
      });
      out.push(...alts);
    });
    return out.length > maxAlternatives ? undefined : out;
  }

  /** if/then/else: (if and then) or (not if, and else). */
  private conditional(s: Schema): Alternative[] | undefined {
    const cond = this.exact(s.if!);
    const yes = and(cond, s.then ? this.dnf(s.then) : [new Map()]);
    const no = and(this.negate(cond), s.else ? this.dnf(s.else) : [new Map()]);
    if (!yes || !no) return undefined;
    return [...yes, ...no];
  }

  /** `dependentRequired: {a: [b]}`: a absent, or a and b both there. */
  private dependent(property: string, requires: string[]): Alternative[] | undefined {
    let present: Alternative[] | undefined = one(property, { required: true });
    for (const r of requires) present = and(present, one(r, { required: true }));
    return present && [...one(property, { absent: true }), ...present];
  }

  /**
   * A refinement's alternatives when they say all it says (no note left for the JSDoc): only
   * those can be negated, since the negation of a looser reading would reject valid values.
   */
  private exact(s: Schema): Alternative[] | undefined {
    const before = this.notes.length;
    const alts = this.dnf(s);
    if (this.notes.length === before) return alts;
    this.notes.length = before;
    return undefined;
  }

  /** not (A or B …) = (not A) and (not B) …; not A = one of its terms negated. */
  negate(alts: Alternative[] | undefined): Alternative[] | undefined {
    if (!alts) return undefined;
    let acc: Alternative[] | undefined = [new Map()];
    for (const a of alts) {
      const either: Alternative[] = [];
      for (const [k, t] of a) {
        if (t.narrow.length) return undefined;
        if (t.absent) either.push(...one(k, { required: true }));
        else if (t.values) {
          const all = this.valuesOf(k);
          if (!all) return undefined;
          const rest = all.filter((v) => !t.values!.some((w) => key(w) === key(v)));
          // a property required with values: not so when absent, or present with another value
          if (t.required) either.push(...one(k, { absent: true }));
          if (rest.length) either.push(...one(k, { values: rest }));
        } else if (t.required) either.push(...one(k, { absent: true }));
      }
      acc = and(acc, either);
    }
    return acc;
  }
}

/** `propertyNames: {not: {enum: [...]}}` (or `const`): names a value may not use. */
function forbiddenNames(s: Schema): string[] | undefined {
  const n = s.not;
  if (!n || s.pattern !== undefined || s.minLength !== undefined || s.maxLength !== undefined) return undefined;
  const values = n.const ? [n.const.value] : n.enum;
  return values?.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
}

/**
 * Alternatives equal but for one property that one leaves out and the other limits to some
 * values become one alternative with that property optional (`{a?: false} ` for `{a?: never} | {a: false}`).
 */
function merged(alts: Alternative[]): Alternative[] {
  const out = [...alts];
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < out.length; j++) {
      if (i === j) continue;
      const [a, b] = [out[i]!, out[j]!];
      if (a.size !== b.size) continue;
      const diff = [...a.keys()].filter((k) => !b.has(k) || termKey(a.get(k)!) !== termKey(b.get(k)!));
      if (diff.length !== 1) continue;
      const k = diff[0]!;
      const [x, y] = [a.get(k)!, b.get(k)];
      if (!y || !x.absent || y.absent || !y.values || y.narrow.length) continue;
      const joined: Alternative = new Map(b);
      joined.set(k, { ...y, required: false });
      out[j] = joined;
      out.splice(i, 1);
      i = -1;
      break;
    }
  }
  return out;
}

function termKey(t: PropertyTerm): string {
  return key([t.required, t.absent, t.values ?? null, t.narrow.map((n) => n.id)]);
}
