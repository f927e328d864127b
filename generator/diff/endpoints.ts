// The endpoint family: operations removed, added, deprecated; their summary and description.
import { defineChecks } from './checks.ts';
import { docText, operationLabel, type DiffContext } from './context.ts';

export const endpointChecks = defineChecks('endpoints', {
  'endpoint-removed': ['breaking', 'major', 'an operation is gone (its requests fail; its SDK method is gone)'],
  'endpoint-added': ['info', 'minor', 'a new operation'],
  'endpoint-deprecated': ['info', 'minor', 'an operation was deprecated'],
  'endpoint-reactivated': ['info', 'patch', 'an operation is no longer deprecated'],
});

export function endpointChanges(ctx: DiffContext): void {
  for (const o of ctx.removed) ctx.add('endpoint-removed', `operation ${o.id} removed${o.deprecated ? ' (it was deprecated)' : ''}`, o.loc, operationLabel(o));
  for (const o of ctx.added) ctx.add('endpoint-added', `operation ${o.id} added`, o.loc, operationLabel(o));
  for (const { old, new: n, label } of ctx.pairs) {
    if (!old.deprecated && n.deprecated) ctx.add('endpoint-deprecated', 'the operation is deprecated', n.loc, label);
    if (old.deprecated && !n.deprecated) ctx.add('endpoint-reactivated', 'the operation is no longer deprecated', n.loc, label);
    if (docText(old.summary, old.description) !== docText(n.summary, n.description)) ctx.add('description-changed', `summary or description of ${label} changed`, n.loc);
  }
}
