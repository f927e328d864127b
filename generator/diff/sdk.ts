// The SDK family: what a change does to the generated package, compared on the two name plans
// (model/naming.ts). A rename there breaks every caller even when the wire is unchanged: a
// renamed operationId renames the method, the standalone function and the operation's types; a
// renamed first tag moves the method to another group; a renamed path parameter renames a field
// of the method's input; a renamed component renames an exported type and its validators.
import { methodPath, type OperationNames } from '../model/naming.ts';
import type { Schema } from '../model/schema.ts';
import { defineChecks } from './checks.ts';
import type { DiffContext } from './context.ts';
import { parameterKey } from './parameters.ts';
import { fingerprint } from './schema-view.ts';

export const sdkChecks = defineChecks('sdk', {
  'sdk-method-renamed': ['breaking', 'major', 'the method of an operation has another name (operationId renamed): `client.x()` no longer exists'],
  'sdk-method-moved': ['breaking', 'major', 'the method of an operation moved to another group (first tag renamed or changed)'],
  'sdk-function-renamed': ['breaking', 'major', 'the standalone function of an operation has another name'],
  'sdk-operation-types-renamed': ['breaking', 'major', "an operation's exported types (`…Input`, `operations['…']`) have another name"],
  'sdk-parameter-renamed': ['breaking', 'major', "a path parameter was renamed: the URL keeps its shape, the SDK input's field is renamed"],
  'sdk-validator-removed': ['breaking', 'major', 'an exported validator of an operation is gone or renamed (reported when no breaking wire change of the operation explains it)'],
  'sdk-type-renamed': ['breaking', 'major', 'an exported type (component schema) was renamed, content unchanged'],
  'sdk-type-removed': ['breaking', 'major', 'an exported type (component schema) is gone'],
  'sdk-type-added': ['info', 'minor', 'a new exported type (component schema)'],
  'sdk-credential-option-renamed': ['breaking', 'major', 'a client credential option has another name'],
  'sdk-credential-option-removed': ['breaking', 'major', 'a client credential option is gone (its security scheme was removed)'],
});

export function sdkChanges(ctx: DiffContext): void {
  operations(ctx);
  types(ctx);
  credentials(ctx);
}

function operations(ctx: DiffContext): void {
  const oldNames = ctx.old.names.operations;
  const newNames = ctx.neu.names.operations;
  for (const { old, new: n, label } of ctx.pairs) {
    const a = oldNames.get(old)!;
    const b = newNames.get(n)!;
    const renamed = a.method !== b.method;
    if (a.group !== b.group) ctx.add('sdk-method-moved', `client.${methodPath(a)}() is now client.${methodPath(b)}()`, n.loc, label);
    else if (renamed) ctx.add('sdk-method-renamed', `client.${methodPath(a)}() is now client.${methodPath(b)}()${old.id !== n.id ? ` (operationId ${old.id} → ${n.id})` : ''}`, n.loc, label);
    if (a.fn !== b.fn) ctx.add('sdk-function-renamed', `the function ${a.fn}() is now ${b.fn}()`, n.loc, label);
    if (a.type !== b.type || old.id !== n.id) ctx.add('sdk-operation-types-renamed', `types ${a.type}… and operations['${old.id}'] are now ${b.type}… and operations['${n.id}']`, n.loc, label);
    else validators(ctx, a, b, label, n.loc);
    const news = new Map(n.parameters.map((p) => [parameterKey(n, p), p]));
    for (const p of old.parameters) {
      if (p.in !== 'path') continue;
      const q = news.get(parameterKey(old, p));
      if (q && q.name !== p.name) ctx.add('sdk-parameter-renamed', `path parameter '${p.name}' is now '${q.name}' (the input field is renamed; the URL is the same)`, q.loc, label);
    }
  }
}

/** Validators of an operation whose type names are unchanged: one that is gone breaks its importers. */
function validators(ctx: DiffContext, a: OperationNames, b: OperationNames, label: string, loc: { file: string; pointer: string }): void {
  const all = (v: OperationNames['validators']) => [...Object.values(v.params), ...v.body.map((x) => x[1]), ...v.responses.map((x) => x[2])];
  // a validator that follows a breaking wire change (a removed parameter, body or status) is told by that change
  if (ctx.changes.some((c) => c.operation === label && c.level === 'breaking')) return;
  const now = new Set(all(b.validators));
  for (const name of all(a.validators)) if (!now.has(name)) ctx.add('sdk-validator-removed', `validator ${name} is gone`, loc, label);
}

function types(ctx: DiffContext): void {
  const oldTypes = ctx.old.names.schemaTypes;
  const newTypes = ctx.neu.names.schemaTypes;
  const newByName = new Map(ctx.neu.schemas.map((s) => [s.name, s.schema]));
  const oldByName = new Map(ctx.old.schemas.map((s) => [s.name, s.schema]));
  const added = ctx.neu.schemas.filter((s) => !oldByName.has(s.name));
  const addedByShape = new Map<string, Schema[]>();
  for (const s of added) {
    const key = fingerprint(s.schema);
    addedByShape.set(key, [...(addedByShape.get(key) ?? []), s.schema]);
  }
  const renamedTo = new Set<Schema>();
  for (const { name, schema } of ctx.old.schemas) {
    const now = newByName.get(name);
    const type = oldTypes.get(schema)!;
    if (now) {
      const newType = newTypes.get(now)!;
      if (newType !== type) ctx.add('sdk-type-renamed', `type ${type} is now ${newType}`, now.loc);
      continue;
    }
    const same = addedByShape.get(fingerprint(schema))?.find((s) => !renamedTo.has(s));
    if (same) {
      renamedTo.add(same);
      ctx.add('sdk-type-renamed', `type ${type} is now ${newTypes.get(same)} (component ${name} → ${same.component}, same content)`, same.loc);
    } else ctx.add('sdk-type-removed', `type ${type} (component ${name}) is gone`, schema.loc);
  }
  for (const { name, schema } of added) if (!renamedTo.has(schema)) ctx.add('sdk-type-added', `type ${newTypes.get(schema)} (component ${name}) added`, schema.loc);
}

function credentials(ctx: DiffContext): void {
  const news = ctx.neu.names.credentials;
  const shape = (c: (typeof news)[number]) => `${c.scheme.type} ${c.scheme.scheme ?? ''} ${c.scheme.in ?? ''} ${c.scheme.paramName ?? ''}`;
  for (const c of ctx.old.names.credentials) {
    if (!c.options.length) continue;
    const d = news.find((x) => x.scheme.name === c.scheme.name) ?? news.find((x) => shape(x) === shape(c));
    if (!d) ctx.add('sdk-credential-option-removed', `client option${c.options.length > 1 ? 's' : ''} ${c.options.join(', ')} (security scheme ${c.scheme.name}) gone`, c.scheme.loc);
    else if (d.options.join(',') !== c.options.join(',')) ctx.add('sdk-credential-option-renamed', `client option${c.options.length > 1 ? 's' : ''} ${c.options.join(', ')} → ${d.options.join(', ')}`, d.scheme.loc);
  }
}
