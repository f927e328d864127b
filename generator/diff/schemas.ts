// The schema family: what changed between the old and the new schema of one place (a request
// body, a parameter, a response body, a response header), judged by direction. In a request the
// new schema must accept every value the old one accepted (narrowing breaks a caller); in a
// response every value the new one allows must have been allowed before (widening breaks a
// reader). Compared on views (schema-view.ts), recursion cut by the pair being compared (a pair
// already on the stack is assumed equal: whatever differs inside it is reported where the
// difference is). `oneOf`/`anyOf` alternatives are matched across specs: an equivalent one first,
// then the same name (component, discriminator value), then the only compatible one; an
// alternative with no partner is added or removed.
//
// Conservative (reported as breaking although it may not be): keywords compared as written
// (`not`, `if`/`then`/`else`, `contains`, `patternProperties`, `propertyNames`, `unevaluated*`,
// `dependent*`, `content*`) when they differ at all; a changed `pattern` in a request; `anyOf`
// becoming `oneOf` in a request (and back in a response); groups of more than 64 alternatives
// when they differ as written; `prefixItems` of another length.
import type { Loc } from '../core/loc.ts';
import type { Schema } from '../model/schema.ts';
import { defineChecks, type Bump, type Level } from './checks.ts';
import { allowsNull, branchesOf, canonical, hasType, nonNullTypes, viewOf, type Bound, type View } from './schema-view.ts';

export type Side = 'request' | 'response';
export type Target = 'body' | 'parameter' | 'header';

export interface Finding {
  /** a suffix of `suffixes`, a property check (`property-removed`…) or a docs check */
  what: string;
  /** property names, `[]` (items), `*` (additional properties), `[0]` (prefix items) */
  path: string[];
  message: string;
  loc: Loc;
}

type Pair = [Level, Bump];
const B: Pair = ['breaking', 'major'];
const W: Pair = ['warning', 'minor'];
const I: Pair = ['info', 'minor'];

/** Schema checks by suffix: [in a request, in a response], and what they mean. */
const suffixes: Record<string, [Pair, Pair, string]> = {
  'type-changed': [B, B, 'the type changed (some old types gone, new ones added)'],
  'type-narrowed': [B, I, 'fewer types are allowed'],
  'type-widened': [I, B, 'more types are allowed'],
  'became-nullable': [I, B, '`null` is now allowed'],
  'became-not-nullable': [B, I, '`null` is no longer allowed'],
  'became-enum': [B, I, 'the value is now limited to an enum'],
  'enum-removed': [I, W, 'the value is no longer limited to an enum'],
  'enum-value-removed': [B, I, 'an enum value was removed'],
  'enum-value-added': [I, W, 'an enum value was added'],
  'format-added': [B, I, 'a format was set'],
  'format-removed': [I, W, 'the format was removed'],
  'format-changed': [B, W, 'the format changed'],
  'pattern-added': [B, I, 'a pattern was set'],
  'pattern-removed': [I, W, 'the pattern was removed'],
  'pattern-changed': [B, W, 'the pattern changed (conservative: not compared as languages)'],
  'max-length-decreased': [B, I, '`maxLength` set or decreased'],
  'max-length-increased': [I, W, '`maxLength` removed or increased'],
  'min-length-increased': [B, I, '`minLength` set or increased'],
  'min-length-decreased': [I, W, '`minLength` removed or decreased'],
  'max-items-decreased': [B, I, '`maxItems` set or decreased'],
  'max-items-increased': [I, W, '`maxItems` removed or increased'],
  'min-items-increased': [B, I, '`minItems` set or increased'],
  'min-items-decreased': [I, W, '`minItems` removed or decreased'],
  'max-properties-decreased': [B, I, '`maxProperties` set or decreased'],
  'max-properties-increased': [I, W, '`maxProperties` removed or increased'],
  'min-properties-increased': [B, I, '`minProperties` set or increased'],
  'min-properties-decreased': [I, W, '`minProperties` removed or decreased'],
  'max-decreased': [B, I, '`maximum`/`exclusiveMaximum` set or decreased'],
  'max-increased': [I, W, '`maximum`/`exclusiveMaximum` removed or increased'],
  'min-increased': [B, I, '`minimum`/`exclusiveMinimum` set or increased'],
  'min-decreased': [I, W, '`minimum`/`exclusiveMinimum` removed or decreased'],
  'multiple-of-narrowed': [B, I, '`multipleOf` set, or changed so that fewer values are multiples'],
  'multiple-of-widened': [I, W, '`multipleOf` removed, or changed so that more values are multiples'],
  'unique-items-added': [B, I, '`uniqueItems` set'],
  'unique-items-removed': [I, W, '`uniqueItems` removed'],
  'additional-properties-narrowed': [B, I, 'other properties are no longer allowed'],
  'additional-properties-widened': [I, W, 'other properties are now allowed'],
  'one-of-removed': [B, I, 'a `oneOf` alternative is gone (in a request: a value it matched is rejected)'],
  'one-of-added': [I, W, 'a `oneOf` alternative was added (in a response: a reader meets a new shape)'],
  'any-of-removed': [B, I, 'an `anyOf` alternative is gone'],
  'any-of-added': [I, W, 'an `anyOf` alternative was added'],
  'default-value-changed': [W, W, 'the default value was set, removed or changed'],
  'discriminator-changed': [W, W, 'the discriminator (property or mapping) changed'],
  'schema-changed': [B, B, 'keywords compared as written differ (conservative)'],
};

const targets: Record<Side, string[]> = { request: ['body', 'property', 'parameter'], response: ['body', 'property', 'header'] };

const rows: Record<string, [Level, Bump, string]> = {};
for (const side of ['request', 'response'] as Side[]) {
  for (const target of targets[side]) {
    for (const [suffix, [req, res, description]] of Object.entries(suffixes)) {
      const [level, bump] = side === 'request' ? req : res;
      rows[`${side}-${target}-${suffix}`] = [level, bump, description];
    }
  }
}
defineChecks('schemas', rows);

export const propertyChecks = defineChecks('properties', {
  'new-required-request-property': ['breaking', 'major', 'a new required property in a request (the SDK input gains a required field)'],
  'new-optional-request-property': ['info', 'minor', 'a new optional property in a request'],
  'request-property-removed': ['breaking', 'major', 'a request property is gone (servers may ignore it; the SDK input type no longer has it)'],
  'request-property-became-required': ['breaking', 'major', 'a request property became required'],
  'request-property-became-optional': ['info', 'minor', 'a request property became optional'],
  'response-property-removed': ['breaking', 'major', 'a response property is gone'],
  'response-property-became-optional': ['breaking', 'major', 'a response property is no longer required (readers relied on it)'],
  'response-property-added': ['info', 'minor', 'a new response property'],
  'response-property-became-required': ['info', 'minor', 'a response property became required'],
});

export const docsChecks = defineChecks('docs', {
  'description-changed': ['info', 'patch', 'a summary, description or title changed'],
  'example-changed': ['info', 'patch', 'an example changed'],
  'deprecation-changed': ['info', 'patch', 'a schema, property or parameter was deprecated or un-deprecated'],
});

/** The check id of a finding at a place. */
export function findingId(side: Side, target: Target, f: Finding): string {
  if (f.what in docsChecks) return f.what;
  if (f.what.startsWith('property-')) {
    const what = f.what.slice('property-'.length);
    if (side === 'request') return what === 'added-required' ? 'new-required-request-property' : what === 'added-optional' ? 'new-optional-request-property' : `request-property-${what}`;
    return what === 'added-required' || what === 'added-optional' ? 'response-property-added' : `response-property-${what}`;
  }
  return `${side}-${f.path.length ? 'property' : target}-${f.what}`;
}

/** `tags[].name` */
export function pathText(path: readonly string[]): string {
  let out = '';
  for (const p of path) out += p === '[]' || p.startsWith('[') ? p : out ? `.${p}` : p;
  return out;
}

const show = (values: Iterable<string>) => [...values].join(', ');
const boundText = (b: Bound | undefined, upper: boolean) => (b ? `${b.exclusive ? (upper ? '<' : '>') : upper ? '<=' : '>='} ${b.value}` : 'none');

/**
 * Compares schemas in one direction. One comparer per spec pair and side: results are cached per
 * pair of views (a component used by a hundred operations is compared once).
 */
export class SchemaComparer {
  private readonly cache = new Map<string, Finding[]>();
  /** the pairs being compared, by key, with their depth on the stack */
  private readonly active = new Map<string, number>();
  /** the shallowest active pair the current comparison met (assumed equal there) */
  private low = Infinity;

  /**
   * Compares a pair once. A pair met again while it is being compared is assumed equal (what
   * differs inside it is reported by its own comparison). A result that leaned on such an
   * assumption about an *enclosing* pair is not cached: reached from elsewhere, the enclosing
   * pair's differences belong in it (caching it would hide them from the other operations).
   */
  private memo(key: string, compute: () => Finding[]): Finding[] {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const depth = this.active.get(key);
    if (depth !== undefined) {
      this.low = Math.min(this.low, depth);
      return [];
    }
    const mine = this.active.size;
    const outer = this.low;
    this.low = Infinity;
    this.active.set(key, mine);
    try {
      const out = compute();
      if (this.low >= mine) this.cache.set(key, out);
      return out;
    } finally {
      this.active.delete(key);
      this.low = Math.min(outer, this.low >= mine ? Infinity : this.low);
    }
  }

  constructor(readonly side: Side) {}

  /** Findings between two schemas (undefined: absent, no constraint), paths relative to them. */
  compare(oldSchema: Schema | undefined, newSchema: Schema | undefined): Finding[] {
    return this.compareConj(oldSchema ? [oldSchema] : [], newSchema ? [newSchema] : [], oldSchema?.loc ?? newSchema?.loc);
  }

  private compareConj(olds: readonly Schema[], news: readonly Schema[], fallback: Loc | undefined): Finding[] {
    const key = `${olds.map((s) => s.id).join('&')}|${news.map((s) => s.id).join('&')}`;
    return this.memo(key, () => this.alternatives(olds, news, fallback));
  }

  private alternatives(olds: readonly Schema[], news: readonly Schema[], fallback: Loc | undefined): Finding[] {
    const a = branchesOf(olds);
    const b = branchesOf(news);
    const oldLoc = a.views[0]!.nodes[0]?.loc ?? fallback!;
    const newLoc = b.views[0]!.nodes[0]?.loc ?? fallback!;
    const out: Finding[] = [];
    const oldNull = a.nullBranch || a.views.some(allowsNull);
    const newNull = b.nullBranch || b.views.some(allowsNull);
    if (!oldNull && newNull) out.push({ what: 'became-nullable', path: [], message: 'null is now allowed', loc: newLoc });
    if (oldNull && !newNull) out.push({ what: 'became-not-nullable', path: [], message: 'null is no longer allowed', loc: newLoc });
    if (a.capped || b.capped) {
      // too many alternatives to pair: compare the groups as written
      const text = (v: View) => canonical(v.groups.map((g) => [g.kind, g.branches.map((x) => x.component ?? x.name)]));
      if (text(a.views[0]!) !== text(b.views[0]!)) out.push({ what: 'schema-changed', path: [], message: 'its oneOf/anyOf alternatives changed (too many to compare one by one)', loc: newLoc });
      out.push(...this.compareViews(a.views[0]!, b.views[0]!));
      return out;
    }
    if (a.views.length === 1 && b.views.length === 1) {
      out.push(...this.compareViews(a.views[0]!, b.views[0]!));
      return out;
    }
    const kind = (b.views.length > 1 ? b.kind : a.kind) === 'anyOf' ? 'any-of' : 'one-of';
    const oldKinds = new Set(viewOf(olds).groups.map((g) => g.kind));
    const newKinds = new Set(viewOf(news).groups.map((g) => g.kind));
    const narrowedKind = this.side === 'request' ? oldKinds.has('anyOf') && !newKinds.has('anyOf') && newKinds.has('oneOf') : newKinds.has('anyOf') && !oldKinds.has('anyOf') && oldKinds.has('oneOf');
    if (narrowedKind) out.push({ what: 'schema-changed', path: [], message: this.side === 'request' ? 'anyOf became oneOf: a value matching several alternatives is now rejected' : 'oneOf became anyOf: a value may now match several alternatives', loc: newLoc });
    // in a request every old alternative must still be accepted; in a response every new one must have been promised
    const [must, others] = this.side === 'request' ? [a.views, b.views] : [b.views, a.views];
    const pair = (x: View, y: View) => (this.side === 'request' ? this.compareViews(x, y) : this.compareViews(y, x));
    const used = new Set<View>();
    const partners = new Map<View, { view: View; findings: Finding[] }>();
    const claim = (x: View, found: { view: View; findings: Finding[] } | undefined) => {
      if (!found) return;
      partners.set(x, found);
      used.add(found.view);
    };
    const unused = () => others.filter((y) => !used.has(y));
    const docsOnly = (f: Finding[]) => f.every((r) => r.what in docsChecks);
    // 1. the same component or discriminator value; 2. an equivalent alternative; 3. the same
    // position (inline alternatives); 4. the only compatible one, or the only one there is
    for (const x of must) {
      const y = x.stable ? others.find((o) => o.stable && o.label === x.label) : undefined;
      if (y && !used.has(y)) claim(x, { view: y, findings: pair(x, y) });
    }
    for (const x of must) {
      if (partners.has(x)) continue;
      for (const y of unused()) {
        const findings = pair(x, y);
        if (docsOnly(findings)) {
          claim(x, { view: y, findings });
          break;
        }
      }
    }
    for (const x of must) {
      if (partners.has(x) || x.label === undefined) continue;
      const y = unused().find((o) => o.label === x.label);
      if (y) claim(x, { view: y, findings: pair(x, y) });
    }
    for (const x of must) {
      if (partners.has(x)) continue;
      const rest = unused().map((y) => ({ view: y, findings: pair(x, y) }));
      const compatible = rest.filter((r) => !r.findings.some((f) => levelOf(this.side, f) === 'breaking'));
      if (compatible.length === 1) claim(x, compatible[0]);
      else if (others.length === 1 && rest.length === 1) claim(x, rest[0]);
    }
    for (const x of must) {
      const found = partners.get(x);
      if (found) {
        out.push(...found.findings);
        continue;
      }
      const name = x.label ? ` ${x.label.startsWith('=') ? `for ${JSON.stringify(x.label.slice(1))}` : `'${x.label}'`}` : '';
      if (this.side === 'request') out.push({ what: `${kind}-removed`, path: [], message: `the alternative${name} is no longer accepted`, loc: x.nodes.at(-1)?.loc ?? oldLoc });
      else out.push({ what: `${kind}-added`, path: [], message: `a new alternative${name} can be returned`, loc: x.nodes.at(-1)?.loc ?? newLoc });
    }
    for (const y of others) {
      if (used.has(y)) continue;
      const name = y.label ? ` '${y.label.replace(/^=/, '')}'` : '';
      if (this.side === 'request') out.push({ what: `${kind}-added`, path: [], message: `a new alternative${name} is accepted`, loc: y.nodes.at(-1)?.loc ?? newLoc });
      else out.push({ what: `${kind}-removed`, path: [], message: `the alternative${name} is no longer returned`, loc: y.nodes.at(-1)?.loc ?? oldLoc });
    }
    return out;
  }

  private compareViews(o: View, n: View): Finding[] {
    return this.memo(`v:${o.key}|${n.key}`, () => this.views(o, n));
  }

  private views(o: View, n: View): Finding[] {
    const out: Finding[] = [];
    const loc = n.nodes[0]?.loc ?? o.nodes[0]?.loc;
    const add = (what: string, message: string, at: Loc | undefined = loc) => at && out.push({ what, path: [], message, loc: at });

    // types (null is compared over all alternatives, in `alternatives`)
    const ot = nonNullTypes(o);
    const nt = nonNullTypes(n);
    if (ot || nt) {
      if (!ot) add('type-narrowed', `type limited to ${show(nt!)} (was any)`);
      else if (!nt) add('type-widened', `any type allowed (was ${show(ot)})`);
      else {
        const gone = [...ot].filter((t) => !hasType(nt, t));
        const added = [...nt].filter((t) => !hasType(ot, t));
        const was = `${show(ot) || 'nothing'} → ${show(nt) || 'nothing'}`;
        if (gone.length && added.length) add('type-changed', `type changed: ${was}`);
        else if (gone.length) add('type-narrowed', `type narrowed: ${was}`);
        else if (added.length) add('type-widened', `type widened: ${was}`);
      }
    }

    // enum / const (null left to nullability)
    const oe = o.enum && new Set([...o.enum].filter((v) => v !== 'null'));
    const ne = n.enum && new Set([...n.enum].filter((v) => v !== 'null'));
    if (!oe && ne) add('became-enum', `limited to ${show(ne)}`);
    else if (oe && !ne) add('enum-removed', `no longer limited to ${show(oe)}`);
    else if (oe && ne) {
      const gone = [...oe].filter((v) => !ne.has(v));
      const added = [...ne].filter((v) => !oe.has(v));
      if (gone.length) add('enum-value-removed', `enum value${gone.length > 1 ? 's' : ''} ${show(gone)} removed`);
      if (added.length) add('enum-value-added', `enum value${added.length > 1 ? 's' : ''} ${show(added)} added`);
    }

    const of = [...o.formats].sort().join(', ');
    const nf = [...n.formats].sort().join(', ');
    if (!of && nf) add('format-added', `format ${nf} set`);
    else if (of && !nf) add('format-removed', `format ${of} removed`);
    else if (of !== nf) add('format-changed', `format changed: ${of} → ${nf}`);

    const op = [...o.patterns].sort().join(' and ');
    const np = [...n.patterns].sort().join(' and ');
    if (!op && np) add('pattern-added', `pattern ${np} set`);
    else if (op && !np) add('pattern-removed', `pattern ${op} removed`);
    else if (op !== np) add('pattern-changed', `pattern changed: ${op} → ${np}`);

    for (const [key, name] of [['maxLength', 'max-length'], ['maxItems', 'max-items'], ['maxProperties', 'max-properties']] as const) {
      const a = o[key];
      const b = n[key];
      if (a === b) continue;
      if (b !== undefined && (a === undefined || b < a)) add(`${name}-decreased`, `${key} ${a === undefined ? 'set to' : `decreased from ${a} to`} ${b}`);
      else add(`${name}-increased`, b === undefined ? `${key} ${a} removed` : `${key} increased from ${a} to ${b}`);
    }
    for (const [key, name] of [['minLength', 'min-length'], ['minItems', 'min-items'], ['minProperties', 'min-properties']] as const) {
      const a = o[key] ?? 0;
      const b = n[key] ?? 0;
      if (a === b) continue;
      if (b > a) add(`${name}-increased`, `${key} increased from ${a} to ${b}`);
      else add(`${name}-decreased`, `${key} decreased from ${a} to ${b}`);
    }
    const upper = compareBound(o.max, n.max, true);
    if (upper) add(upper === 'narrower' ? 'max-decreased' : 'max-increased', `maximum ${boundText(o.max, true)} → ${boundText(n.max, true)}`);
    const lower = compareBound(o.min, n.min, false);
    if (lower) add(lower === 'narrower' ? 'min-increased' : 'min-decreased', `minimum ${boundText(o.min, false)} → ${boundText(n.min, false)}`);

    const om = canonical([...o.multipleOf].sort());
    const nm = canonical([...n.multipleOf].sort());
    if (om !== nm) {
      const text = `multipleOf ${o.multipleOf.join(', ') || 'none'} → ${n.multipleOf.join(', ') || 'none'}`;
      // narrower: some old multiple is not a multiple of every new divisor
      const narrower = n.multipleOf.some((d) => !o.multipleOf.some((m) => divides(d, m)));
      const wider = o.multipleOf.some((d) => !n.multipleOf.some((m) => divides(d, m)));
      if (narrower) add('multiple-of-narrowed', text);
      if (wider) add('multiple-of-widened', text);
    }
    if (!o.uniqueItems && n.uniqueItems) add('unique-items-added', 'items must now be unique');
    if (o.uniqueItems && !n.uniqueItems) add('unique-items-removed', 'items need no longer be unique');

    const od = [...o.defaults].join(', ');
    const nd = [...n.defaults].join(', ');
    if (od !== nd) add('default-value-changed', `default ${od || 'none'} → ${nd || 'none'}`);
    if ((o.discriminator ?? '') !== (n.discriminator ?? '')) add('discriminator-changed', 'the discriminator changed');

    const gone = [...o.other].filter((x) => !n.other.has(x));
    const added = [...n.other].filter((x) => !o.other.has(x));
    if (gone.length || added.length) {
      const keywords = [...new Set([...gone, ...added].map((x) => x.slice(0, x.indexOf('='))))];
      add('schema-changed', `${keywords.join(', ')} changed`);
    }
    if (o.never !== n.never) add(n.never ? 'type-narrowed' : 'type-widened', n.never ? 'no value is valid any more' : 'values are valid again');

    this.docs(o, n, out);
    this.properties(o, n, out);
    this.arrays(o, n, out);
    return out;
  }

  private docs(o: View, n: View, out: Finding[]): void {
    const first = (v: View, k: 'description' | 'title') => v.nodes.find((s) => s[k] !== undefined)?.[k];
    const loc = n.nodes[0]?.loc;
    if (!loc) return;
    if (first(o, 'description') !== first(n, 'description') || first(o, 'title') !== first(n, 'title')) out.push({ what: 'description-changed', path: [], message: 'description changed', loc });
    const ex = (v: View) => canonical(v.nodes.find((s) => s.examples)?.examples ?? null);
    if (ex(o) !== ex(n)) out.push({ what: 'example-changed', path: [], message: 'examples changed', loc });
    const dep = (v: View) => v.nodes.some((s) => s.deprecated);
    if (dep(o) !== dep(n)) out.push({ what: 'deprecation-changed', path: [], message: dep(n) ? 'now deprecated' : 'no longer deprecated', loc });
  }

  /** Properties as this side sees them: readOnly ones are not sent, writeOnly ones not returned. */
  private visible(v: View): Map<string, Schema[]> {
    const out = new Map<string, Schema[]>();
    for (const [name, schemas] of v.properties) {
      const p = viewOf(schemas);
      if (schemas.length && (this.side === 'request' ? p.readOnly : p.writeOnly)) continue;
      out.set(name, schemas);
    }
    return out;
  }

  private properties(o: View, n: View, out: Finding[]): void {
    const op = this.visible(o);
    const np = this.visible(n);
    const parentNew = n.nodes[0]?.loc;
    const parentOld = o.nodes[0]?.loc;
    for (const [name, oldSchemas] of op) {
      const newSchemas = np.get(name);
      const oldReq = o.required.has(name);
      if (!newSchemas) {
        // a property no other property may take any more, or one a reader relied on
        out.push({ what: 'property-removed', path: [name], message: `property removed${oldReq ? ' (it was required)' : ''}`, loc: oldSchemas[0]?.loc ?? declaring(o, name) ?? parentOld! });
        continue;
      }
      const newReq = n.required.has(name);
      const at = newSchemas[0]?.loc ?? declaring(n, name) ?? parentNew!;
      if (!oldReq && newReq) out.push({ what: 'property-became-required', path: [name], message: 'became required', loc: at });
      if (oldReq && !newReq) out.push({ what: 'property-became-optional', path: [name], message: 'became optional', loc: at });
      for (const f of this.compareConj(oldSchemas, newSchemas, at)) out.push({ ...f, path: [name, ...f.path] });
    }
    for (const [name, newSchemas] of np) {
      if (op.has(name)) continue;
      const required = n.required.has(name);
      out.push({ what: required ? 'property-added-required' : 'property-added-optional', path: [name], message: `new ${required ? 'required' : 'optional'} property`, loc: newSchemas[0]?.loc ?? declaring(n, name) ?? parentNew! });
    }
    if (o.additional === false && n.additional !== false) out.push({ what: 'additional-properties-widened', path: [], message: 'other properties are now allowed', loc: parentNew! });
    else if (o.additional !== false && n.additional === false) out.push({ what: 'additional-properties-narrowed', path: [], message: 'other properties are no longer allowed', loc: parentNew! });
    else if (o.additional !== false && n.additional !== false && (o.additional.length || n.additional.length)) {
      for (const f of this.compareConj(o.additional, n.additional, parentNew)) out.push({ ...f, path: ['*', ...f.path] });
    }
  }

  private arrays(o: View, n: View, out: Finding[]): void {
    if (o.items.length || n.items.length) {
      for (const f of this.compareConj(o.items, n.items, n.nodes[0]?.loc)) out.push({ ...f, path: ['[]', ...f.path] });
    }
    if (o.prefixItems.length !== n.prefixItems.length) {
      out.push({ what: 'schema-changed', path: [], message: `prefixItems: ${o.prefixItems.length} → ${n.prefixItems.length} positions`, loc: n.nodes[0]?.loc ?? o.nodes[0]!.loc });
    } else {
      o.prefixItems.forEach((x, i) => {
        for (const f of this.compareConj(x, n.prefixItems[i]!, n.nodes[0]?.loc)) out.push({ ...f, path: [`[${i}]`, ...f.path] });
      });
    }
  }
}

/** The node of a view that names a property (in `properties` or `required`). */
function declaring(v: View, name: string): Loc | undefined {
  return v.nodes.find((s) => s.properties?.some((p) => p.name === name) || s.required?.includes(name))?.loc;
}

function levelOf(side: Side, f: Finding): Level {
  if (f.what in docsChecks) return 'info';
  if (f.what.startsWith('property-')) {
    const what = f.what.slice('property-'.length);
    if (side === 'request') return what === 'removed' || what === 'became-required' || what === 'added-required' ? 'breaking' : 'info';
    return what === 'removed' || what === 'became-optional' ? 'breaking' : 'info';
  }
  const row = suffixes[f.what];
  return row ? (side === 'request' ? row[0] : row[1])[0] : 'breaking';
}

function divides(d: number, m: number): boolean {
  const q = m / d;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function compareBound(a: Bound | undefined, b: Bound | undefined, upper: boolean): 'narrower' | 'wider' | undefined {
  if (!a && !b) return undefined;
  if (!a) return 'narrower';
  if (!b) return 'wider';
  if (a.value === b.value && a.exclusive === b.exclusive) return undefined;
  const lessB = upper ? b.value < a.value : b.value > a.value;
  if (a.value !== b.value) return lessB ? 'narrower' : 'wider';
  return b.exclusive ? 'narrower' : 'wider';
}
