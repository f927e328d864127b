// Operations of a spec as the operation rules see them: every operation object (paths, webhooks,
// callbacks, components/pathItems) with where it is written and a name for people.
import { parsePointer } from '../core/pointer.ts';
import type { Loc } from '../load/workspace.ts';
import type { SpecIndex, Site } from '../load/spec-index.ts';

export interface OperationSite {
  site: Site;
  /** 'GET /users/{id}', or the pointer when the operation is not under /paths */
  label: string;
}

/** Every operation: under /paths, webhooks, callbacks and components/pathItems. */
export function operationSites(index: SpecIndex): OperationSite[] {
  return index.ofKind('operation').map((site) => ({ site, label: operationLabel(site.loc, site.via[0]) }));
}

/** The operations a client calls: those of path items under /paths (directly or through a $ref). */
export function apiOperationSites(index: SpecIndex): OperationSite[] {
  const underPaths = (item: Site | undefined): boolean => {
    if (!item || item.kind !== 'pathItem') return false;
    if (item.parent) return item.parent.kind === 'paths';
    return index.refs.some((r) => r.target.ok && r.target.target.loc.file === item.loc.file && r.target.target.loc.pointer === item.loc.pointer && r.site.parent?.kind === 'paths');
  };
  return operationSites(index).filter(({ site }) => underPaths(site.parent));
}

/** 'GET /users/{id}' from `/paths/~1users~1{id}/get`; otherwise 'get operation at <pointer>'. */
export function operationLabel(loc: Loc, method = parsePointer(loc.pointer).at(-1) ?? ''): string {
  const segments = parsePointer(loc.pointer);
  if (segments.length === 3 && segments[0] === 'paths') return `${method.toUpperCase()} ${segments[1]}`;
  if (segments.length === 3 && segments[0] === 'webhooks') return `webhook ${segments[1]} ${method.toUpperCase()}`;
  return `${method.toUpperCase()} operation at ${loc.pointer}`;
}
