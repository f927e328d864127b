// The per-operation config type of the runtime's typed methods and operations (runtime/types.ts
// `OpConfig`): the default media type, where credentials go, headers the client fills, CSV parts,
// date headers.
import { literalUnion } from '../safe.ts';
import type { OperationEntry } from './analyze.ts';

/** `{ ct: "application/json"; dates: "X-RateLimit-Reset" }` */
export function configType(f: OperationEntry): string {
  const entries: [string, string[]][] = [
    ['ct', f.facts.defaultMedia ? [f.facts.defaultMedia] : []],
    ['credQuery', f.facts.credentialParams.filter((c) => c.in === 'query').map((c) => c.name)],
    ['credHeader', f.facts.credentialParams.filter((c) => c.in === 'header').map((c) => c.name)],
    ['credCookie', f.facts.credentialParams.filter((c) => c.in === 'cookie').map((c) => c.name)],
    ['credBody', f.facts.credentialBody.map((c) => c.property)],
    ['autoHeader', f.facts.idempotencyKey !== undefined ? [f.facts.idempotencyKey] : []],
    ['csv', f.facts.csvParts],
    ['dates', [...new Set([...f.facts.headers.values()].flatMap((hs) => hs.filter((h) => h.kind === 'date').map((h) => h.name)))]],
  ];
  const members = entries.filter(([, v]) => v.length).map(([k, v]) => `${k}: ${literalUnion(v)}`);
  return members.length ? `{ ${members.join('; ')} }` : '{}';
}

