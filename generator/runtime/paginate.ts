// Walking an operation's pages (`x-oaskit-pagination`): `.pages()` yields each page's items and
// body, `.all()` the items one by one. Each page is one call with the client's retry policy, so a
// page that fails is asked again before its items are handed out: no item comes twice. The walk
// stops at an empty page, a page shorter than the declared size, a missing cursor or a missing
// `Link: rel="next"`; the caller's `signal` stops it between pages and inside a call.
import type { Config } from './config.ts';
import { ClientError } from './errors.ts';
import type { PaginationMeta } from './meta.ts';
import { toApiError, type RawOperation } from './operation.ts';
import { redact, type RawInput } from './request.ts';
import { send } from './send.ts';

/** One page: its items and the whole success body. */
export interface RawPage {
  items: unknown[];
  data: unknown;
}

/** The value at `path` (own properties, array indexes). */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The target of `Link: <url>; rel="next"` (RFC 8288), resolved against `base`. */
export function nextLink(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]!);
    if (rel && (rel[1] ?? rel[2]!).toLowerCase().split(/\s+/).includes('next')) return new URL(m[1]!, base).href;
  }
  return undefined;
}

/** The query of a URL as call input (a repeated name becomes a list). */
function queryOf(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // (forEach: the packages compile without the DOM iterable typings)
  url.searchParams.forEach((v, k) => {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  });
  return out;
}

/** One page's call: the success body and response, or the error the operation throws. */
async function fetchPage(config: Config<string>, op: RawOperation, input: RawInput) {
  try {
    const outcome = await send(config, op.meta, input, op.codec);
    if (!outcome.ok) throw toApiError(config, outcome);
    return outcome;
  } catch (error) {
    await config.options.onError?.({ operationId: op.operationId, error });
    throw error;
  }
}

/** Yields the pages of a paginated operation, from the one `input` names (else the first). */
export async function* pages(config: Config<string>, op: RawOperation, input: RawInput = {}): AsyncGenerator<RawPage, void, undefined> {
  const p = op.meta.pagination as PaginationMeta;
  const { signal } = input;
  let query: Record<string, unknown> = { ...input.query };
  const given = p.param === undefined ? undefined : query[p.param];
  let position = p.style === 'page' || p.style === 'offset' ? (given === undefined || given === null ? (p.start ?? 0) : Number(given)) : 0;
  const seen = new Set<unknown>();
  for (let index = 0; ; index++) {
    signal?.throwIfAborted();
    if (p.style === 'page' || p.style === 'offset') query = { ...query, [p.param!]: position };
    const outcome = await fetchPage(config, op, { ...input, query });
    const data = outcome.payload;
    const items = valueAt(data, p.items);
    if (!Array.isArray(items)) throw new ClientError('PaginationError', `page ${index + 1} of ${op.operationId} has no list of items at /${p.items.join('/')}`, op.operationId, { data });
    if (items.length || index === 0) yield { items, data };
    if (items.length === 0) return;
    if (p.style === 'page' || p.style === 'offset') {
      if (p.size !== undefined && items.length < p.size) return;
      position += p.style === 'page' ? 1 : items.length;
    } else if (p.style === 'cursor') {
      const next = valueAt(data, p.next!);
      // (a cursor seen before would walk the same pages again)
      if (next === undefined || next === null || next === '' || seen.has(next)) return;
      seen.add(next);
      query = { ...query, [p.param!]: next };
    } else {
      const url = outcome.request.url;
      const target = nextLink(outcome.response.headers.get('link'), url);
      if (target === undefined) return;
      const from = new URL(url);
      const to = new URL(target);
      // the next page is asked with the API's credentials: only from the same origin and path
      if (to.origin !== from.origin || to.pathname !== from.pathname) {
        throw new ClientError('PaginationError', `the next page of ${op.operationId} is at another ${to.origin !== from.origin ? 'origin' : 'path'} (${redact(outcome.request, to.origin + to.pathname)}): not followed`, op.operationId);
      }
      if (seen.has(to.search)) return;
      seen.add(to.search);
      query = queryOf(to);
    }
  }
}

/** Yields every item of every page, in order. */
export async function* items(config: Config<string>, op: RawOperation, input?: RawInput): AsyncGenerator<unknown, void, undefined> {
  for await (const page of pages(config, op, input)) yield* page.items;
}
