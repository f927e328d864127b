// The request body family: a body added, removed, made required or optional; its media types;
// the schema of each media type the old and the new spec both have.
import { defineChecks } from './checks.ts';
import { docText, type DiffContext } from './context.ts';

export const requestBodyChecks = defineChecks('request-body', {
  'request-body-added-required': ['breaking', 'major', 'a required request body was added'],
  'request-body-added-optional': ['info', 'minor', 'an optional request body was added'],
  'request-body-removed': ['breaking', 'major', 'the request body is gone (the SDK input no longer has it)'],
  'request-body-became-required': ['breaking', 'major', 'the request body became required'],
  'request-body-became-optional': ['info', 'minor', 'the request body became optional'],
  'request-body-media-type-removed': ['breaking', 'major', 'a request media type is no longer accepted'],
  'request-body-media-type-added': ['info', 'minor', 'a new request media type is accepted'],
});

export const mediaKey = (contentType: string) => contentType.toLowerCase().replace(/\s+/g, '');

export function requestBodyChanges(ctx: DiffContext): void {
  for (const { old, new: n, label } of ctx.pairs) {
    const a = old.requestBody;
    const b = n.requestBody;
    if (!a && !b) continue;
    if (!a) {
      ctx.add(b!.required ? 'request-body-added-required' : 'request-body-added-optional', `a ${b!.required ? 'required' : 'optional'} request body was added`, b!.loc, label);
      continue;
    }
    if (!b) {
      ctx.add('request-body-removed', 'the request body was removed', a.loc, label);
      continue;
    }
    if (!a.required && b.required) ctx.add('request-body-became-required', 'the request body became required', b.loc, label);
    if (a.required && !b.required) ctx.add('request-body-became-optional', 'the request body became optional', b.loc, label);
    if (docText(a.description) !== docText(b.description)) ctx.add('description-changed', `description of the request body of ${label} changed`, b.loc);
    const news = new Map(b.content.map((m) => [mediaKey(m.contentType), m]));
    const olds = new Set(a.content.map((m) => mediaKey(m.contentType)));
    for (const m of a.content) {
      const q = news.get(mediaKey(m.contentType));
      if (!q) {
        ctx.add('request-body-media-type-removed', `request media type ${m.contentType} is no longer accepted`, m.loc, label);
        continue;
      }
      ctx.schemas('request', 'body', `request body (${q.contentType})`, m.schema, q.schema, label);
    }
    for (const q of b.content) if (!olds.has(mediaKey(q.contentType))) ctx.add('request-body-media-type-added', `request media type ${q.contentType} is accepted`, q.loc, label);
  }
}
