// The response family: statuses (a success status removed breaks readers; a new one widens the
// SDK's result type), media types, headers, and the schema of each body both specs have. An old
// status is looked for in the new spec as written, then in its range (`200` in `2XX`).
import type { Header, Response } from '../model/types.ts';
import { defineChecks } from './checks.ts';
import { docText, type DiffContext } from './context.ts';
import { mediaKey } from './request-body.ts';

export const responseChecks = defineChecks('responses', {
  'response-success-status-removed': ['breaking', 'major', 'a success status is no longer returned'],
  'response-non-success-status-removed': ['warning', 'minor', 'an error status is no longer documented'],
  'response-success-status-added': ['warning', 'minor', "a new success status (the SDK's result type gains a member)"],
  'response-non-success-status-added': ['info', 'minor', 'a new error status is documented'],
  'response-media-type-removed': ['breaking', 'major', 'a response media type is no longer returned'],
  'response-media-type-added': ['info', 'minor', 'a new response media type can be returned'],
  'response-required-header-removed': ['breaking', 'major', 'a required response header is gone'],
  'response-optional-header-removed': ['warning', 'minor', 'an optional response header is gone'],
  'response-header-became-optional': ['breaking', 'major', 'a required response header became optional'],
  'response-header-added': ['info', 'minor', 'a new response header'],
});

const isSuccess = (status: string) => /^2/.test(status);

function counterpart(status: string, news: readonly Response[]): Response | undefined {
  return news.find((r) => r.status === status) ?? (/^\d{3}$/.test(status) ? news.find((r) => r.status.toUpperCase() === `${status[0]}XX`) : undefined);
}

export function responseChanges(ctx: DiffContext): void {
  for (const { old, new: n, label } of ctx.pairs) {
    const matched = new Set<Response>();
    for (const r of old.responses) {
      const q = counterpart(r.status, n.responses);
      if (!q) {
        ctx.add(isSuccess(r.status) ? 'response-success-status-removed' : 'response-non-success-status-removed', `response ${r.status} removed`, r.loc, label);
        continue;
      }
      matched.add(q);
      compareResponse(ctx, label, r, q);
    }
    const oldStatuses = new Set(old.responses.map((r) => r.status));
    for (const q of n.responses) {
      if (matched.has(q) || oldStatuses.has(q.status)) continue;
      ctx.add(isSuccess(q.status) ? 'response-success-status-added' : 'response-non-success-status-added', `response ${q.status} added`, q.loc, label);
    }
  }
}

function compareResponse(ctx: DiffContext, label: string, r: Response, q: Response): void {
  const where = `response ${q.status}`;
  if (docText(r.description) !== docText(q.description)) ctx.add('description-changed', `description of ${where} of ${label} changed`, q.loc);
  const news = new Map(q.content.map((m) => [mediaKey(m.contentType), m]));
  const olds = new Set(r.content.map((m) => mediaKey(m.contentType)));
  for (const m of r.content) {
    const x = news.get(mediaKey(m.contentType));
    if (!x) {
      ctx.add('response-media-type-removed', `${where}: media type ${m.contentType} is no longer returned`, m.loc, label);
      continue;
    }
    ctx.schemas('response', 'body', `${where} (${x.contentType})`, m.schema, x.schema, label);
  }
  for (const x of q.content) if (!olds.has(mediaKey(x.contentType))) ctx.add('response-media-type-added', `${where}: media type ${x.contentType} can be returned`, x.loc, label);
  const key = (h: Header) => h.name.toLowerCase();
  const headers = new Map(q.headers.map((h) => [key(h), h]));
  for (const h of r.headers) {
    const g = headers.get(key(h));
    const hw = `${where} header '${h.name}'`;
    if (!g) {
      ctx.add(h.required ? 'response-required-header-removed' : 'response-optional-header-removed', `${hw} removed`, h.loc, label);
      continue;
    }
    if (h.required && !g.required) ctx.add('response-header-became-optional', `${hw} became optional`, g.loc, label);
    ctx.schemas('response', 'header', hw, h.schema, g.schema, label);
  }
  const oldHeaders = new Set(r.headers.map(key));
  for (const g of q.headers) if (!oldHeaders.has(key(g))) ctx.add('response-header-added', `${where} header '${g.name}' added`, g.loc, label);
}
