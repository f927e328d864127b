// The path parameters of each operation under /paths: the names in the template, and the
// parameters declared `in: path` (path-level and operation-level merged, the operation's win),
// each with the place it is written (the `$ref` item, not the component it points to).
import { escapeSegment, isObject } from '../core/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import type { SpecIndex } from '../load/spec-index.ts';
import { httpMethods } from '../model/types.ts';
import type { RuleContext } from './rule.ts';

export interface DeclaredParam {
  name: string;
  in: string;
  /** the item of the `parameters` list (a `$ref` or the parameter itself) */
  loc: Loc;
  /** where `name` is written: the parameter's own `name`, or the `$ref` item */
  nameLoc: Loc;
}

export interface PathOperation {
  method: string;
  loc: Loc;
  params: DeclaredParam[];
}

export interface PathEntry {
  template: string;
  /** the key under /paths in the root file */
  keyLoc: Loc;
  names: string[];
  pathLevel: DeclaredParam[];
  operations: PathOperation[];
}

export function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

/** The entries of one loaded spec (two rules read them): computed once per index, which every load builds anew. */
const entriesOf = new WeakMap<SpecIndex, PathEntry[]>();

export function pathEntriesOf(ctx: Pick<RuleContext, 'workspace' | 'index'>): PathEntry[] {
  let entries = entriesOf.get(ctx.index);
  if (!entries) entriesOf.set(ctx.index, (entries = pathEntries(ctx.workspace)));
  return entries;
}

export function pathEntries(ws: Workspace): PathEntry[] {
  const doc = ws.root.value;
  if (!isObject(doc) || !isObject(doc.paths)) return [];
  const out: PathEntry[] = [];
  for (const [template, raw] of Object.entries(doc.paths)) {
    if (!template.startsWith('/')) continue;
    const keyLoc = { file: ws.root.path, pointer: '/paths/' + escapeSegment(template) };
    const item = ws.deref(keyLoc, raw);
    if (!item.ok || !isObject(item.target.value)) continue;
    const itemLoc = item.target.loc;
    const value = item.target.value;
    const pathLevel = declared(ws, value.parameters, itemLoc);
    const operations: PathOperation[] = [];
    for (const method of httpMethods) {
      if (!isObject(value[method])) continue;
      const loc = { file: itemLoc.file, pointer: itemLoc.pointer + '/' + method };
      const own = declared(ws, value[method].parameters, loc);
      const params = [...pathLevel.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      operations.push({ method, loc, params });
    }
    out.push({ template, keyLoc, names: templateNames(template), pathLevel, operations });
  }
  return out;
}

function declared(ws: Workspace, list: unknown, owner: Loc): DeclaredParam[] {
  if (!Array.isArray(list)) return [];
  const out: DeclaredParam[] = [];
  list.forEach((raw, i) => {
    const loc = { file: owner.file, pointer: owner.pointer + '/parameters/' + i };
    const r = ws.deref(loc, raw);
    if (!r.ok || !isObject(r.target.value)) return;
    const p = r.target.value;
    if (typeof p.name !== 'string' || typeof p.in !== 'string') return;
    const isRef = isObject(raw) && typeof raw.$ref === 'string';
    out.push({ name: p.name, in: p.in, loc, nameLoc: isRef ? { file: loc.file, pointer: loc.pointer + '/$ref' } : { file: loc.file, pointer: loc.pointer + '/name' } });
  });
  return out;
}
