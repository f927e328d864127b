// JSDoc of the generated client, from the spec's own words: summary, description, parameters and
// their limits, body caps, responses, deprecation, and a link to the reference. Every piece of spec
// text goes through docText (no `*\/`, no injected tags).
import type { OptionalKind, JSDocStructure, JSDocTagStructure } from 'ts-morph';
import { operationAnchors } from '../docs/anchors.ts';
import type { ApiModel, Operation, Parameter } from '../../model/types.ts';
import type { EmitContext } from '../emitter.ts';
import type { OperationFacts } from './analyze.ts';
import { deref } from './schema.ts';
import { docText } from './safe.ts';

function limits(model: ApiModel, schema: unknown): string[] {
  const s = deref(model, schema);
  if (!s) return [];
  const out: string[] = [];
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  if (num('minimum') !== undefined) out.push(`≥ ${num('minimum')}`);
  if (num('exclusiveMinimum') !== undefined) out.push(`> ${num('exclusiveMinimum')}`);
  if (num('maximum') !== undefined) out.push(`≤ ${num('maximum')}`);
  if (num('exclusiveMaximum') !== undefined) out.push(`< ${num('exclusiveMaximum')}`);
  if (num('minLength') !== undefined) out.push(`at least ${num('minLength')} characters`);
  if (num('maxLength') !== undefined) out.push(`at most ${num('maxLength')} characters`);
  if (num('maxItems') !== undefined) out.push(`at most ${num('maxItems')} items`);
  if (Array.isArray(s.enum) && s.enum.length <= 12) out.push('one of ' + s.enum.map((v) => '`' + JSON.stringify(v) + '`').join(', '));
  return out;
}

function paramLine(model: ApiModel, p: Parameter): string {
  const description = p.description?.replace(/\s+/g, ' ').trim();
  const bounds = limits(model, p.schema?.value);
  const text = [description && description.replace(/([^.!?])$/, '$1.'), bounds.length ? bounds.join(', ') + '.' : undefined].filter(Boolean).join(' ');
  return `- \`${p.name}\` (${p.in}${p.required ? ', required' : ''}${p.deprecated ? ', deprecated' : ''})${text ? ': ' + text : ''}`;
}

const anchorCache = new WeakMap<ApiModel, Map<string, string>>();

/** The docs link of an operation: `<docsBaseUrl><api>.html#<its anchor in the docs>`. */
export function docsLink(model: ApiModel, op: Operation, ctx: EmitContext): string {
  let anchors = anchorCache.get(model);
  if (!anchors) anchorCache.set(model, (anchors = operationAnchors(model.operations.map((o) => o.id))));
  return `${ctx.docsBaseUrl}${encodeURIComponent(model.name)}.html#${anchors.get(op.id)}`;
}

export function operationDocs(model: ApiModel, facts: OperationFacts, ctx: EmitContext): OptionalKind<JSDocStructure>[] {
  const { op, meta } = facts;
  const parts: string[] = [];
  if (op.summary) parts.push(op.summary);
  if (op.description && op.description.trim() !== op.summary?.trim()) parts.push(op.description);
  parts.push(`\`${op.method.toUpperCase()} ${op.path}\``);
  const params = op.parameters.filter((p) => p.description || limits(model, p.schema?.value).length);
  if (params.length) parts.push('Parameters:\n' + params.map((p) => paramLine(model, p)).join('\n'));
  if (meta.batch) {
    const caps = meta.batch.root !== undefined ? [`at most ${meta.batch.root} items per request`] : meta.batch.arrays.map(([n, max]) => `at most ${max} items in \`${n}\``);
    parts.push(`Limits: ${caps.join(', ')} per request. \`.batch()\` takes any number and splits them.`);
  }
  if (meta.body?.credentials?.length) parts.push(`The client fills ${meta.body.credentials.map(([p]) => `\`${p}\``).join(', ')} from its credentials when the body leaves it out.`);
  if (op.responses.length) {
    parts.push('Responses:\n' + op.responses.map((r) => `- ${r.status}: ${r.description.replace(/\s+/g, ' ').trim()}`).join('\n'));
  }
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  if (op.deprecated) tags.push({ tagName: 'deprecated', text: 'The spec marks this operation deprecated.' });
  if (op.externalDocs?.url) tags.push({ tagName: 'see', text: docText(op.externalDocs.url) });
  tags.push({ tagName: 'see', text: docText(docsLink(model, op, ctx)) });
  return [{ description: docText(parts.join('\n\n')), tags }];
}

export function textDocs(...parts: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = parts.filter((p): p is string => Boolean(p && p.trim())).join('\n\n');
  return text ? [{ description: docText(text) }] : [];
}
