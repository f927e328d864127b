// required-undefined: a name in `required` is defined by `properties` (else it is usually a typo,
// and no generated type has the property). Reported only for a schema that has `properties` and
// does not open itself to other properties (additionalProperties / unevaluatedProperties a schema
// or true). Names may come from anywhere the object is composed: its own properties and
// patternProperties, its $ref, its allOf/anyOf/oneOf members, and the schemas it is a member of,
// structurally or through a $ref from an allOf/anyOf/oneOf (a "mixin" used inside an allOf).
import { isObject } from '../core/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { finding, type Finding, type Rule } from './rule.ts';
import type { RefSite, Site } from '../load/spec-index.ts';

const combinators = new Set(['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not', 'dependentSchemas']);
const members = ['allOf', 'anyOf', 'oneOf'] as const;

interface Names {
  names: Set<string>;
  patterns: RegExp[];
  /** something could not be read (a broken ref, a bad pattern): do not report */
  open: boolean;
}

export const requiredUndefined: Rule = {
  id: 'required-undefined',
  description: 'A name listed in `required` should be defined in `properties` (or by the schemas it is composed with).',
  check(ctx) {
    const refsTo = new Map<string, RefSite[]>();
    for (const r of ctx.index.refs) {
      if (!r.target.ok) continue;
      const key = keyOf(r.target.target.loc);
      refsTo.set(key, [...(refsTo.get(key) ?? []), r]);
    }
    const out: Finding[] = [];
    for (const site of ctx.index.ofKind('schema')) {
      const s = site.value;
      if (!isObject(s) || !Array.isArray(s.required) || !isObject(s.properties)) continue;
      if (opens(s.additionalProperties) || opens(s.unevaluatedProperties)) continue;
      const missing = s.required.map((name, i) => [name, i] as const).filter(([name]) => typeof name === 'string' && !Object.prototype.hasOwnProperty.call(s.properties, name));
      if (missing.length === 0) continue;
      const acc: Names = { names: new Set(), patterns: [], open: false };
      context(ctx.workspace, site, refsTo, acc, new Set(), 0);
      if (acc.open) continue;
      for (const [name, i] of missing) {
        if (acc.names.has(name as string) || acc.patterns.some((p) => p.test(name as string))) continue;
        out.push(finding({ file: site.loc.file, pointer: `${site.loc.pointer}/required/${i}` }, `required property '${name}' is not defined in properties`));
      }
    }
    return out;
  },
};

function opens(v: unknown): boolean {
  return v === true || isObject(v);
}

function keyOf(loc: Loc): string {
  return loc.file + '#' + loc.pointer;
}

/** The names of a schema and of every schema it is composed with, upwards. */
function context(ws: Workspace, site: Site, refsTo: Map<string, RefSite[]>, acc: Names, seen: Set<string>, depth: number): void {
  if (depth > 16 || seen.has(keyOf(site.loc))) return;
  seen.add(keyOf(site.loc));
  collect(ws, site.loc, site.value, acc, new Set(), 0);
  if (site.parent && combinators.has(site.via[0] ?? '')) context(ws, site.parent, refsTo, acc, seen, depth + 1);
  for (const r of refsTo.get(keyOf(site.loc)) ?? []) {
    if (r.site !== site && r.site.parent && combinators.has(r.site.via[0] ?? '')) context(ws, r.site.parent, refsTo, acc, seen, depth + 1);
  }
}

/** The names a schema defines: properties, patternProperties, its $ref and its members'. */
function collect(ws: Workspace, loc: Loc, value: unknown, acc: Names, seen: Set<string>, depth: number): void {
  if (!isObject(value) || depth > 32 || seen.has(keyOf(loc))) return;
  seen.add(keyOf(loc));
  if (typeof value.$ref === 'string') {
    const r = ws.resolveRef(loc.file, value.$ref);
    if (!r.ok) acc.open = true;
    else collect(ws, r.target.loc, r.target.value, acc, seen, depth + 1);
  }
  if (isObject(value.properties)) for (const name of Object.keys(value.properties)) acc.names.add(name);
  if (isObject(value.patternProperties)) {
    for (const pattern of Object.keys(value.patternProperties)) {
      try {
        acc.patterns.push(new RegExp(pattern, 'u'));
      } catch {
        acc.open = true;
      }
    }
  }
  for (const k of members) {
    const list = value[k];
    if (Array.isArray(list)) list.forEach((m, i) => collect(ws, { file: loc.file, pointer: `${loc.pointer}/${k}/${i}` }, m, acc, seen, depth + 1));
  }
  for (const k of ['then', 'else'] as const) collect(ws, { file: loc.file, pointer: `${loc.pointer}/${k}` }, value[k], acc, seen, depth + 1);
}
