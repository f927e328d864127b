// How the generated client names things. The client emitter and the docs' code samples both use
// these, so a sample always calls the method the client really has.
import { toIdentifier } from '../../model/names.ts';
import type { ApiModel, Operation } from '../../model/types.ts';

/** `appboy` -> `createAppboyClient` */
export function clientFactoryName(model: ApiModel): string {
  return `create${toIdentifier(model.name, 'pascal')}Client`;
}

/** The group an operation's method lives in: its first tag, camelCased; `default` without tags. */
export function groupName(op: Operation): string {
  return toIdentifier(op.tags[0] ?? 'default');
}

export interface ClientLayout {
  groups: { name: string; tag: string | undefined; methods: { name: string; op: Operation }[] }[];
  /** method name of each operation, by operation id */
  methodOf: Map<string, { group: string; method: string }>;
}

/** Groups and method names for every operation, unique within their group, in spec order. */
export function clientLayout(model: ApiModel): ClientLayout {
  const groups = new Map<string, ClientLayout['groups'][number]>();
  const methodOf = new Map<string, { group: string; method: string }>();
  for (const op of model.operations) {
    const g = groupName(op);
    let group = groups.get(g);
    if (!group) groups.set(g, (group = { name: g, tag: op.tags[0], methods: [] }));
    let name = toIdentifier(op.id);
    for (let n = 2; group.methods.some((m) => m.name === name); n++) name = toIdentifier(op.id) + n;
    group.methods.push({ name, op });
    methodOf.set(op.id, { group: g, method: name });
  }
  return { groups: [...groups.values()], methodOf };
}
