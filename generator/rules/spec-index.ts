// Every OpenAPI object of a spec (across its files) with its kind and location, and every `$ref`
// with what it resolves to. Built once per workspace and shared by the rules and the language
// server: the schema rules read `sites`, component-unused and find-references read `refs`.
// The walk follows the grammar in structure.ts from the root, then the refs into whatever they
// reach (other files, extension blocks), so each node is visited once, with its parent when it
// was reached structurally.
import { escapeSegment, isObject } from '../load/pointer.ts';
import type { Loc, RefResult, Workspace } from '../load/workspace.ts';
import { childShape, grammar, isRefObject, schemaApplicators, type Kind, type Shape } from './structure.ts';

export interface Site {
  kind: Kind;
  loc: Loc;
  value: unknown;
  /** the object this one is written in (undefined for a ref target or the root) */
  parent?: Site;
  /** the keys from the parent to here: ['properties', 'id'], ['items'], ['allOf', '0'] */
  via: string[];
}

export interface RefSite {
  /** the object holding `$ref` */
  loc: Loc;
  ref: string;
  /** what the ref is expected to point at */
  kind: Kind;
  target: RefResult;
  /** the site holding the ref (a schema with `$ref` and siblings, or a reference object) */
  site: Site;
}

/** A schema name used by a discriminator mapping (`dog: Dog` or `dog: '#/components/schemas/Dog'`). */
export interface MappingSite {
  loc: Loc;
  value: string;
  target: RefResult;
}

export class SpecIndex {
  readonly sites: Site[] = [];
  readonly refs: RefSite[] = [];
  readonly mappings: MappingSite[] = [];
  private readonly seen = new Set<string>();
  private readonly pending: { kind: Kind; target: RefResult }[] = [];

  constructor(
    readonly workspace: Workspace,
    readonly version: '3.0' | '3.1' | undefined,
  ) {
    const root = workspace.root;
    if (root.value === undefined) return;
    this.visit('document', { file: root.path, pointer: '' }, root.value, undefined, []);
    while (this.pending.length) {
      const { kind, target } = this.pending.shift()!;
      if (target.ok) this.visit(kind, target.target.loc, target.target.value, undefined, []);
    }
  }

  /** The sites of one kind. */
  ofKind(kind: Kind): Site[] {
    return this.sites.filter((s) => s.kind === kind);
  }

  private visit(kind: Kind, loc: Loc, value: unknown, parent: Site | undefined, via: string[]): void {
    const key = loc.file + '#' + loc.pointer;
    if (this.seen.has(key)) return;
    if (kind === 'schema' ? !isObject(value) && typeof value !== 'boolean' : !isObject(value)) return;
    this.seen.add(key);
    const site: Site = { kind, loc, value, parent, via };
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

  private children(shape: Shape, loc: Loc, value: unknown, parent: Site, key: string): void {
    if (!('of' in shape)) return;
    const at = loc.pointer + '/' + escapeSegment(key);
    if (shape.many === 'map') {
      if (!isObject(value)) return;
      for (const name of Object.keys(value)) {
        if (name.startsWith('x-') && shape.of !== 'schema') continue;
        this.visit(shape.of, { file: loc.file, pointer: at + '/' + escapeSegment(name) }, value[name], parent, [key, name]);
      }
    } else if (shape.many === 'list') {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => this.visit(shape.of, { file: loc.file, pointer: at + '/' + i }, item, parent, [key, String(i)]));
    } else {
      this.visit(shape.of, { file: loc.file, pointer: at }, value, parent, [key]);
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
            this.mappings.push({ loc: refLoc, value: target, target: this.workspace.resolveRef(loc.file, ref) });
          }
        }
      } else if (k === 'xml' || k === 'externalDocs') {
        this.visit(k, { file: loc.file, pointer: loc.pointer + '/' + k }, v, site, [k]);
      }
    }
  }

  private addRef(site: Site, kind: Kind, ref: string): void {
    const target = this.workspace.resolveRef(site.loc.file, ref);
    this.refs.push({ loc: site.loc, ref, kind, target, site });
    if (target.ok) this.pending.push({ kind, target });
  }
}

/** `#/components/schemas/Pet/properties/id` -> { section: 'schemas', name: 'Pet' } */
export function componentOf(pointer: string): { section: string; name: string } | undefined {
  const m = /^\/components\/([^/]+)\/([^/]+)/.exec(pointer);
  if (!m || !Object.prototype.hasOwnProperty.call(grammar.components.fields, m[1]!)) return undefined;
  return { section: m[1]!, name: m[2]!.replace(/~1/g, '/').replace(/~0/g, '~') };
}
