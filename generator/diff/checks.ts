// What a change is, and the table of every check `oaskit diff` has: a stable id (oasdiff's names
// where oasdiff has the check), its level and the version bump it asks for. Each family of checks
// (endpoints.ts, parameters.ts, …) declares its rows here through `defineChecks`, so the table is
// one list the docs, the SARIF rules and the tests read.
import type { Loc } from '../core/loc.ts';

export type Level = 'breaking' | 'warning' | 'info';
export type Bump = 'major' | 'minor' | 'patch';
export type Semver = Bump | 'none';

export interface Change {
  id: string;
  level: Level;
  /** `GET /pets/{id}` (as the new spec writes the path; the old one's for a removed operation) */
  operation?: string;
  message: string;
  /** the node the change is about: in the new spec, or in the old one when it is gone */
  loc?: Loc;
}

export interface CheckDefinition {
  id: string;
  level: Level;
  /** the bump a change of this check asks for; breaking is always major */
  bump: Bump;
  /** the family (the module that runs it), for the docs table */
  family: string;
  description: string;
}

const table = new Map<string, CheckDefinition>();

/** Registers a family's checks; the ids are unique across families. */
export function defineChecks<const T extends Record<string, [Level, Bump, string]>>(family: string, rows: T): { [K in keyof T]: K } {
  const ids = {} as Record<string, string>;
  for (const [id, [level, bump, description]] of Object.entries(rows)) {
    if (table.has(id)) throw new Error(`check ${id} defined twice`);
    if (level === 'breaking' && bump !== 'major') throw new Error(`breaking check ${id} must bump major`);
    table.set(id, { id, level, bump, family, description });
    ids[id] = id;
  }
  return ids as { [K in keyof T]: K };
}

export function checkDefinition(id: string): CheckDefinition {
  const c = table.get(id);
  if (!c) throw new Error(`unknown check ${id}`);
  return c;
}

/** Every check, in the order the families defined them. */
export function allChecks(): CheckDefinition[] {
  return [...table.values()];
}

/** A change of a known check (its level from the table). */
export function change(id: string, message: string, loc: Loc | undefined, operation?: string): Change {
  return { id, level: checkDefinition(id).level, message, ...(operation ? { operation } : {}), ...(loc ? { loc } : {}) };
}

/** The bump the generated packages deserve: major for anything breaking, else the largest asked. */
export function semverOf(changes: readonly Change[]): Semver {
  let out: Semver = 'none';
  const rank: Record<Semver, number> = { none: 0, patch: 1, minor: 2, major: 3 };
  for (const c of changes) {
    const bump = c.level === 'breaking' ? 'major' : checkDefinition(c.id).bump;
    if (rank[bump] > rank[out]) out = bump;
  }
  return out;
}

export function summaryOf(changes: readonly Change[]): Record<Level, number> {
  const out = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) out[c.level]++;
  return out;
}
