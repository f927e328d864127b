// Two models in, the changes out: every family of checks runs on the same context (the matched
// operations, one schema comparer per direction). Changes are deduplicated and sorted so that
// output never depends on discovery order.
import type { ApiModel } from '../model/types.ts';
import { semverOf, summaryOf, type Change, type Level, type Semver } from './checks.ts';
import { DiffContext } from './context.ts';
import { endpointChanges } from './endpoints.ts';
import { parameterChanges } from './parameters.ts';
import { requestBodyChanges } from './request-body.ts';
import { responseChanges } from './responses.ts';
import { sdkChanges } from './sdk.ts';
import { securityChanges } from './security.ts';
import { serverChanges } from './servers.ts';

export interface DiffResult {
  changes: Change[];
  summary: Record<Level, number>;
  semver: Semver;
}

const families = [endpointChanges, parameterChanges, requestBodyChanges, responseChanges, securityChanges, serverChanges, sdkChanges];

const levelRank: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

export function diffModels(old: ApiModel, neu: ApiModel): DiffResult {
  const ctx = new DiffContext(old, neu);
  for (const family of families) family(ctx);
  const seen = new Set<string>();
  const changes = ctx.changes.filter((c) => {
    const key = `${c.id}\u0000${c.operation ?? ''}\u0000${c.loc?.file ?? ''}#${c.loc?.pointer ?? ''}\u0000${c.operation ? c.message : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  changes.sort((a, b) => levelRank[a.level] - levelRank[b.level] || cmp(a.operation ?? '', b.operation ?? '') || cmp(a.id, b.id) || cmp(a.message, b.message));
  return { changes, summary: summaryOf(changes), semver: semverOf(changes) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
