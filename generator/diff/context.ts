// What every family of checks works on: the two models, one schema comparer per direction, the
// matched operations, and where changes go.
import type { Loc } from '../core/loc.ts';
import type { ApiModel, Operation, Schema } from '../model/types.ts';
import { change, type Change } from './checks.ts';
import { docsChecks, findingId, pathText, SchemaComparer, type Side, type Target } from './schemas.ts';

export interface OperationPair {
  old: Operation;
  new: Operation;
  /** `GET /pets/{petId}` as the new spec writes it */
  label: string;
}

export class DiffContext {
  readonly changes: Change[] = [];
  readonly request = new SchemaComparer('request');
  readonly response = new SchemaComparer('response');
  /** operations in both specs: same method, same path up to the names of its parameters */
  readonly pairs: OperationPair[] = [];
  readonly removed: Operation[] = [];
  readonly added: Operation[];

  constructor(
    readonly old: ApiModel,
    readonly neu: ApiModel,
  ) {
    const byKey = new Map(neu.operations.map((o) => [operationKey(o), o]));
    const matched = new Set<Operation>();
    for (const o of old.operations) {
      const n = byKey.get(operationKey(o));
      if (n && !matched.has(n)) {
        matched.add(n);
        this.pairs.push({ old: o, new: n, label: operationLabel(n) });
      } else this.removed.push(o);
    }
    this.added = neu.operations.filter((o) => !matched.has(o));
  }

  add(id: string, message: string, loc: Loc | undefined, operation?: string): void {
    this.changes.push(change(id, message, loc, operation));
  }

  /** The schema changes of one place (`where`: "request body (application/json)"), as changes. */
  schemas(side: Side, target: Target, where: string, oldSchema: Schema | undefined, newSchema: Schema | undefined, operation: string | undefined): void {
    if (!oldSchema && !newSchema) return;
    const comparer = side === 'request' ? this.request : this.response;
    for (const f of comparer.compare(oldSchema, newSchema)) {
      const id = findingId(side, target, f);
      const path = pathText(f.path);
      if (id in docsChecks) this.add(id, `${f.message} (${where}${path ? ` property '${path}'` : ''})`, f.loc);
      else this.add(id, `${where}${path ? ` property '${path}'` : ''}: ${f.message}`, f.loc, operation);
    }
  }
}

/** `GET /pets/{}`: path parameters' names do not make another operation (the SDK check says they changed). */
export function operationKey(o: Operation): string {
  return `${o.method} ${o.path.replace(/\{[^}]*\}/g, '{}')}`;
}

export function operationLabel(o: Operation): string {
  return `${o.method.toUpperCase()} ${o.path}`;
}

/** The text two docs fields compare by (undefined and empty alike). */
export function docText(...parts: (string | undefined)[]): string {
  return parts.map((p) => (p ?? '').trim()).join('\u0000');
}
