// Every OpenAPI object of a spec (across its files) with its kind and location, and every `$ref`
// with what it resolves to. Built once per workspace and shared by the rules and the language
// server: the schema rules read `sites`, component-unused and find-references read `refs`.
// The walk follows the grammar in structure.ts from the root, then the refs into whatever they
// reach (other files, extension blocks), so each node is visited once, with its parent when it
// was reached structurally.
import { escapeSegment, isObject, unescapeSegment } from '../core/pointer.ts';
import type { Loc, RefResult, Workspace } from './workspace.ts';
import { childShape, grammar, isRefObject, schemaApplicators, type Kind, type Shape } from '../core/grammar.ts';

export interface Site {
  kind: Kind;
  loc: Loc;
  value: unknown;
  /** the object this one is written in (undefined for a ref target or the root) */
  parent?: Site;
  /** the keys from the parent to here: ['properties', 'id'], ['items'], ['allOf', '0'] */
  via: string[];
  /** `file#pointer`: one site per key */
  key: string;
}

export interface RefSite {
  /** the object holding `$ref` */
  loc: Loc;
  ref: string;
  /** what the ref is expected to point at */
  kind: Kind;
  target: RefResult;
  /** the target's `file#pointer`, when it resolved */
  targetKey?: string;
  /** the site holding the ref (a schema with `$ref` and siblings, or a reference object) */
  site: Site;
}

/** A schema name used by a discriminator mapping (`dog: Dog` or `dog: '#/components/schemas/Dog'`). */
export interface MappingSite {
  loc: Loc;
  value: string;
  /** the value as a ref: `Dog` -> `#/components/schemas/Dog` */
  ref: string;
  target: RefResult;
}

interface Memo {
  sites: Site[];
  refs: { site: Site; kind: Kind; ref: string }[];
  mappings: { loc: Loc; value: string; ref: string }[];
}

/** Walks of big maps' members, by member object (see SpecIndex.memoized). */
const memo = new WeakMap<object, Map<string, Memo>>();

export class SpecIndex {
  readonly sites: Site[] = [];
  readonly refs: RefSite[] = [];
  readonly mappings: MappingSite[] = [];
  private readonly seen = new Set<string>();
  private readonly pending: { kind: Kind; target: RefResult }[] = [];
  private readonly byKind = new Map<Kind, Site[]>();
  private byKey: Map<string, Site> | undefined;

  constructor(
    readonly workspace: Workspace,
    readonly version: '3.0' | '3.1' | undefined,
  ) {
    const root = workspace.root;
    if (root.value === undefined) return;
    this.visit('document', { file: root.path, pointer: '' }, root.value, undefined, []);
    for (let i = 0; i < this.pending.length; i++) {
      const { kind, target } = this.pending[i]!;
      if (target.ok) this.visit(kind, target.target.loc, target.target.value, undefined, []);
    }
  }

  /** The site at a `file#pointer` (built on first use). */
  siteAt(key: string): Site | undefined {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const s of this.sites) this.byKey.set(s.key, s);
    }
    return this.byKey.get(key);
  }

  /** The sites of one kind. */
  ofKind(kind: Kind): Site[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = this.sites.filter((s) => s.kind === kind)));
    return list;
  }

  private visit(kind: Kind, loc: Loc, value: unknown, parent: Site | undefined, via: string[], memoize = false): void {
    const key = loc.file + '#' + loc.pointer;
    if (this.seen.has(key)) return;
    if (kind === 'schema' ? !isObject(value) && typeof value !== 'boolean' : !isObject(value)) return;
    if (memoize && isObject(value)) return this.memoized(kind, loc, value, parent, via, key);
    this.seen.add(key);
    const site: Site = { kind, loc, value, parent, via, key };
    if (kind !== 'schema' && isRefObject(value)) {
      site.kind = 'reference';
      this.sites.push(site);
      this.addRef(site, kind, value.$ref);
      return;
    }
    this.sites.push(site);
    if (!isObject(value)) return;
    if (kind === 'schema') {
      if (typeof value.$ref === 'string') this.addRef(site, 'schema', value.$ref);
      this.schemaChildren(site, value);
      return;
    }
    for (const k of Object.keys(value)) {
      if (k.startsWith('x-')) continue;
      const shape = childShape(kind, k);
      if (shape) this.children(shape, loc, value[k], site, k);
    }
  }

  /**
   * A member of a big map (a path item, a component, a webhook): walked once per value object
   * and remembered; the parses of the language server keep unchanged members' objects, so an
   * edit elsewhere only re-resolves the member's refs.
   */
  private memoized(kind: Kind, loc: Loc, value: Record<string, unknown>, parent: Site | undefined, via: string[], key: string): void {
    const memoKey = `${kind}|${key}|${this.version}`;
    let byKey = memo.get(value);
    const hit = byKey?.get(memoKey);
    if (hit) {
      for (const site of hit.sites) {
        this.seen.add(site.key);
        this.sites.push(site);
      }
      for (const r of hit.refs) this.addRef(r.site, r.kind, r.ref);
      for (const m of hit.mappings) this.mappings.push({ ...m, target: this.workspace.resolveRef(m.loc.file, m.ref) });
      return;
    }
    const [s0, r0, m0] = [this.sites.length, this.refs.length, this.mappings.length];
    this.visit(kind, loc, value, parent, via, false);
    if (!byKey) memo.set(value, (byKey = new Map()));
    const sites = this.sites.slice(s0);
    byKey.set(memoKey, {
      sites,
      refs: this.refs.slice(r0).map((r) => ({ site: r.site, kind: r.kind, ref: r.ref })),
      mappings: this.mappings.slice(m0).map((m) => ({ loc: m.loc, value: m.value, ref: m.ref })),
    });
  }

  private children(shape: Shape, loc: Loc, value: unknown, parent: Site, key: string): void {
    if (!('of' in shape)) return;
    const at = loc.pointer + '/' + escapeSegment(key);
    if (shape.many === 'map') {
      if (!isObject(value)) return;
      const memoize = parent.kind === 'components' || (parent.kind === 'document' && key === 'webhooks');
      for (const name of Object.keys(value)) {
        if (name.startsWith('x-') && shape.of !== 'schema') continue;
        this.visit(shape.of, { file: loc.file, pointer: at + '/' + escapeSegment(name) }, value[name], parent, [key, name], memoize);
      }
    } else if (shape.many === 'list') {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => this.visit(shape.of, { file: loc.file, pointer: at + '/' + i }, item, parent, [key, String(i)]));
    } else {
      this.visit(shape.of, { file: loc.file, pointer: at }, value, parent, [key], parent.kind === 'paths');
    }
  }

  private schemaChildren(site: Site, value: Record<string, unknown>): void {
    const { loc } = site;
    for (const k of Object.keys(value)) {
      const applicator = schemaApplicators[k];
      const v = value[k];
      if (applicator) {
        // 3.0 has no patternProperties, $defs, … but walking them costs nothing and finds refs
        this.children({ of: 'schema', many: applicator === 'one' ? undefined : applicator }, loc, v, site, k);
      } else if (k === 'discriminator' && isObject(v)) {
        const at = loc.pointer + '/discriminator';
        this.visit('discriminator', { file: loc.file, pointer: at }, v, site, [k]);
        if (isObject(v.mapping)) {
          for (const [name, target] of Object.entries(v.mapping)) {
            if (typeof target !== 'string') continue;
            const ref = /^[A-Za-z0-9._-]+$/.test(target) ? '#/components/schemas/' + target : target;
            const refLoc = { file: loc.file, pointer: at + '/mapping/' + escapeSegment(name) };
            this.mappings.push({ loc: refLoc, value: target, ref, target: this.workspace.resolveRef(loc.file, ref) });
          }
        }
      } else if (k === 'xml' || k === 'externalDocs') {
        this.visit(k, { file: loc.file, pointer: loc.pointer + '/' + k }, v, site, [k]);
      }
    }
  }

  private addRef(site: Site, kind: Kind, ref: string): void {
    const target = this.workspace.resolveRef(site.loc.file, ref);
    this.refs.push(target.ok ? { loc: site.loc, ref, kind, target, targetKey: target.target.loc.file + '#' + target.target.loc.pointer, site } : { loc: site.loc, ref, kind, target, site });
    if (target.ok) this.pending.push({ kind, target });
  }
}

/** `#/components/schemas/Pet/properties/id` -> { section: 'schemas', name: 'Pet' } */
export function componentOf(pointer: string): { section: string; name: string } | undefined {
  const m = /^\/components\/([^/]+)\/([^/]+)/.exec(pointer);
  if (!m || !Object.prototype.hasOwnProperty.call(grammar.components.fields, m[1]!)) return undefined;
  return { section: m[1]!, name: unescapeSegment(m[2]!) };
}
