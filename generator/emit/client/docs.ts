// JSDoc of the generated client, from the spec's own words: summary, description, parameters and
// their limits, body caps, responses, deprecation, and a link to the published reference (when
// there is one: never a path the package does not hold). Every piece of spec text goes through
// docText (no `*\/`, no injected tags).
import { unwrap, type Schema } from '../../model/schema.ts';
import type { ApiModel, Operation, Parameter } from '../../model/types.ts';
import type { EmitContext } from '../emitter.ts';
import { referenceLink } from '../reference-url.ts';
import { docText } from '../safe.ts';
import { operationProvenance, provenanceLines } from '../provenance-text.ts';
import type { OperationEntry } from './analyze.ts';
import type { Doc } from './print.ts';

function limits(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const s = unwrap(schema);
  const out: string[] = [];
  const num = (k: 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum' | 'minLength' | 'maxLength' | 'maxItems') => s[k];
  if (num('minimum') !== undefined) out.push(`≥ ${num('minimum')}`);
  if (num('exclusiveMinimum') !== undefined) out.push(`> ${num('exclusiveMinimum')}`);
  if (num('maximum') !== undefined) out.push(`≤ ${num('maximum')}`);
  if (num('exclusiveMaximum') !== undefined) out.push(`< ${num('exclusiveMaximum')}`);
  if (num('minLength') !== undefined) out.push(`at least ${num('minLength')} characters`);
  if (num('maxLength') !== undefined) out.push(`at most ${num('maxLength')} characters`);
  if (num('maxItems') !== undefined) out.push(`at most ${num('maxItems')} items`);
  if (s.enum && s.enum.length <= 12) out.push('one of ' + s.enum.map((v) => '`' + JSON.stringify(v) + '`').join(', '));
  return out;
}

function paramLine(p: Parameter): string {
  const description = p.description?.replace(/\s+/g, ' ').trim();
  const bounds = limits(p.schema);
  const text = [description && description.replace(/([^.!?])$/, '$1.'), bounds.length ? bounds.join(', ') + '.' : undefined].filter(Boolean).join(' ');
  return `- \`${p.name}\` (${p.in}${p.required ? ', required' : ''}${p.deprecated ? ', deprecated' : ''})${text ? ': ' + text : ''}`;
}

export function operationDocs(model: ApiModel, facts: OperationEntry, ctx: EmitContext): Doc {
  const { op, meta } = facts;
  const parts: string[] = [];
  if (op.summary) parts.push(op.summary);
  if (op.description && op.description.trim() !== op.summary?.trim()) parts.push(op.description);
  parts.push(`\`${op.method.toUpperCase()} ${op.path}\``);
  const params = op.parameters.filter((p) => p.description || limits(p.schema).length);
  if (params.length) parts.push('Parameters:\n' + params.map((p) => paramLine(p)).join('\n'));
  if (meta.batch) {
    const caps = meta.batch.root !== undefined ? [`at most ${meta.batch.root} items per request`] : meta.batch.arrays.map(([n, max]) => `at most ${max} items in \`${n}\``);
    parts.push(`Limits: ${caps.join(', ')} per request. \`.batch()\` takes any number and splits them.`);
  }
  // pacing, pages and files (the spec's x-oaskit-rate-limit, x-oaskit-pagination, x-oaskit-download)
  if (meta.rateLimit) parts.push(`Paced by the budget \`${meta.rateLimit.bucket}\`: ${meta.rateLimit.limit} requests per ${meta.rateLimit.windowMs / 1000} s, or what the server's rate-limit headers say (the client object by default, a standalone call when its config has \`rateLimit: pacing()\`).`);
  if (meta.pagination) parts.push(`Paginated by \`${meta.pagination.param ?? 'Link'}\` (${meta.pagination.style}): \`.all()\` yields every item, \`.pages()\` every page.`);
  if (meta.download) parts.push(meta.download.url ? `\`.download(input, { to })\` streams the file at \`/${meta.download.url.join('/')}\` of the response (fetched without credentials).` : '`.download(input, { to })` streams the response body to a file or stream.');
  if (meta.body?.credentials?.length) parts.push(`The client fills ${meta.body.credentials.map(([p]) => `\`${p}\``).join(', ')} from its credentials when the body leaves it out.`);
  if (op.responses.length) {
    parts.push('Responses:\n' + op.responses.map((r) => `- ${r.status}: ${r.description.replace(/\s+/g, ' ').trim()}`).join('\n'));
  }
  const sources = operationProvenance(op);
  if (sources.length) parts.push('Where this comes from:\n' + sources.flatMap(({ where, lines }) => lines.map((l) => `- ${where === 'operation' ? '' : `${where}: `}${l}`)).join('\n'));
  const tags: NonNullable<Doc['tags']> = [];
  if (op.deprecated) tags.push({ tagName: 'deprecated', text: 'The spec marks this operation deprecated.' });
  if (op.externalDocs?.url) tags.push({ tagName: 'see', text: docText(op.externalDocs.url) });
  const reference = referenceLink(model, ctx, model.names.operations.get(op)!.anchor);
  if (reference) tags.push({ tagName: 'see', text: docText(reference) });
  return { description: docText(parts.join('\n\n')), tags };
}

/** The provenance texts of an object (the API, a tag, a security scheme) as a JSDoc paragraph, or undefined. */
export function provenanceDoc(extensions: Record<string, unknown>): string | undefined {
  const lines = provenanceLines(extensions);
  return lines.length ? 'Where this comes from:\n' + lines.map((l) => `- ${l}`).join('\n') : undefined;
}

export function textDocs(...parts: (string | undefined)[]): Doc | undefined {
  const text = parts.filter((p): p is string => Boolean(p && p.trim())).join('\n\n');
  return text ? { description: docText(text) } : undefined;
}
