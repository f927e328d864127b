// Pages (`.all()`, `.pages()`) and downloads (`.download()`) against real servers on loopback:
// every item once and in order, the end found, `signal` obeyed, a failed page asked again without
// repeating items; files streamed to a WritableStream and a path, without the API's credential.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../generator/runtime/client.ts';
import type { ApiMeta, OperationMeta, PaginationMeta } from '../../generator/runtime/meta.ts';
import { json, startServer, type TestServer } from './helpers.ts';

const all = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }));
let api: TestServer;
let files: TestServer;
let failNext = new Set<string>();

beforeAll(async () => {
  files = await startServer((req, res) => {
    if (req.url.startsWith('/not-yet-')) {
      // not ready for the first n requests
      const n = Number(/^\/not-yet-(\d+)/.exec(req.url)![1]);
      const seen = files.requests.filter((r) => r.url === req.url).length;
      if (seen <= n) return json(res, 404, { message: 'not ready' });
    }
    res.writeHead(200, { 'content-type': 'application/zip' });
    res.end(Buffer.from('PK file body'));
  });
  api = await startServer((req, res) => {
    const url = new URL(req.url, api.url);
    const q = url.searchParams;
    // one failure per marked page, then the page
    const key = `${url.pathname}:${q.get('page') ?? q.get('cursor')}`;
    if (failNext.has(key)) {
      failNext.delete(key);
      return json(res, 503, { message: 'try again' });
    }
    if (url.pathname === '/pages') {
      const page = Number(q.get('page'));
      return json(res, 200, { message: 'success', things: all.slice(page * 5, page * 5 + 5) });
    }
    if (url.pathname === '/offset') {
      const offset = Number(q.get('offset') ?? 0);
      return json(res, 200, { emails: all.slice(offset, offset + 7) });
    }
    if (url.pathname === '/cursor') {
      const at = Number(q.get('cursor') ?? 0);
      const next = at + 4 < all.length ? String(at + 4) : null;
      return json(res, 200, { data: { items: all.slice(at, at + 4) }, meta: { next } });
    }
    if (url.pathname === '/link') {
      const at = Number(q.get('from') ?? 0);
      const headers: Record<string, string> = {};
      if (at + 10 < all.length) headers.link = `<${api.url}/link?from=${at + 10}&key=${q.get('key')}>; rel="next", <${api.url}/link>; rel="first"`;
      return json(res, 200, all.slice(at, at + 10), headers);
    }
    if (url.pathname === '/elsewhere') return json(res, 200, [1], { link: `<${files.url}/elsewhere?page=2>; rel=next` });
    if (url.pathname === '/export') return json(res, 200, { message: 'success', url: `${files.url}/${q.get('file') ?? 'segment.zip'}?sig=abc` });
    if (url.pathname === '/export-s3') return json(res, 200, { message: 'success' });
    if (url.pathname === '/report') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('a,b\n1,2\n');
      return;
    }
    json(res, 404, {});
  });
});

afterAll(async () => {
  await api.close();
  await files.close();
});

function op(id: string, path: string, extra: Partial<OperationMeta>): OperationMeta {
  return {
    id,
    method: 'get',
    path,
    servers: [api.url],
    params: [{ name: 'key', in: 'query', credential: 'apiKey' }],
    security: [[{ name: 'Key', type: 'apiKey', in: 'query', param: 'key', option: 'apiKey' }]],
    responses: [{ status: '200', media: ['application/json'], headers: [] }],
    ...extra,
  };
}

function client(): Record<string, Record<string, any>> {
  const pagination = (p: PaginationMeta) => ({ pagination: p });
  const table: ApiMeta = {
    name: 'test',
    servers: [api.url],
    schemes: [],
    operations: [
      op('byPage', '/pages', pagination({ style: 'page', param: 'page', start: 0, items: ['things'], size: 5 })),
      op('byOffset', '/offset', pagination({ style: 'offset', param: 'offset', start: 0, items: ['emails'] })),
      op('byCursor', '/cursor', pagination({ style: 'cursor', param: 'cursor', items: ['data', 'items'], next: ['meta', 'next'] })),
      op('byLink', '/link', pagination({ style: 'link', items: [] })),
      op('elsewhere', '/elsewhere', pagination({ style: 'link', items: [] })),
      op('exportUrl', '/export', { download: { url: ['url'] }, params: [{ name: 'key', in: 'query', credential: 'apiKey' }, { name: 'file', in: 'query' }] }),
      op('exportS3', '/export-s3', { download: { url: ['url'] } }),
      op('report', '/report', { download: {}, responses: [{ status: '200', media: ['text/csv'], headers: [] }] }),
    ],
    layout: [['things', [['byPage', 0], ['byOffset', 1], ['byCursor', 2], ['byLink', 3], ['elsewhere', 4], ['exportUrl', 5], ['exportS3', 6], ['report', 7]]]],
  };
  return buildClient({ apiKey: 'secret-key', retry: { baseDelayMs: 1, jitter: 0 }, clock: { sleep: async () => {} } }, table) as Record<string, Record<string, any>>;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('pagination (x-oaskit-pagination)', () => {
  it.each(['byPage', 'byOffset', 'byCursor', 'byLink'])('%s: every item once, in order, and stops at the end', async (name) => {
    const before = api.requests.length;
    expect(await collect(client().things![name].all())).toEqual(all);
    const calls = api.requests.length - before;
    // page: a short page is the last (5 pages); offset: ends at an empty page (4 + 1); cursor: 6; link: 3
    expect(calls).toBe({ byPage: 5, byOffset: 5, byCursor: 6, byLink: 3 }[name]);
  });

  it('.pages() yields each page with its body', async () => {
    const pages = await collect<{ items: unknown[]; data: { message: string } }>(client().things!.byPage.pages());
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages[0]!.data.message).toBe('success');
  });

  it('starts at the page the call names', async () => {
    expect(await collect(client().things!.byPage.all({ query: { page: 3 } }))).toEqual(all.slice(15));
  });

  it('asks a failed page again without repeating items', async () => {
    failNext = new Set(['/pages:2', '/cursor:8']);
    expect(await collect(client().things!.byPage.all())).toEqual(all);
    expect(await collect(client().things!.byCursor.all())).toEqual(all);
    expect(failNext.size).toBe(0);
  });

  it('stops when the signal aborts, between pages and before the first', async () => {
    const controller = new AbortController();
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of client().things!.byPage.all({ signal: controller.signal })) {
          seen.push(item);
          if (seen.length === 7) controller.abort(new Error('enough'));
        }
      })(),
    ).rejects.toThrow('enough');
    expect(seen).toEqual(all.slice(0, 10));
    await expect(collect(client().things!.byPage.all({ signal: AbortSignal.abort(new Error('never')) }))).rejects.toThrow('never');
  });

  it('does not follow a next link to another origin (the request carries the credential)', async () => {
    await expect(collect(client().things!.elsewhere.all())).rejects.toThrow(/another origin .*not followed/);
    expect(files.requests.some((r) => r.url.startsWith('/elsewhere'))).toBe(false);
  });
});

describe('downloads (x-oaskit-download)', () => {
  it('streams the file at the URL of the body to a WritableStream, without the credential', async () => {
    const chunks: Uint8Array[] = [];
    const to = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
    const r = await client().things!.exportUrl.download(undefined, { to });
    expect(Buffer.concat(chunks).toString()).toBe('PK file body');
    expect(r).toEqual({ bytes: 12, contentType: 'application/zip', url: `${files.url}/segment.zip` });
    const got = files.requests.at(-1)!;
    expect(got.url).toBe('/segment.zip?sig=abc');
    expect(JSON.stringify(got.headers)).not.toContain('secret-key');
    expect(api.requests.at(-1)!.url).toContain('key=secret-key');
  });

  it('streams to a file path', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'oaskit-dl-')), 'out.zip');
    const r = await client().things!.exportUrl.download(undefined, { to: path });
    expect(r.bytes).toBe(12);
    expect(readFileSync(path, 'utf8')).toBe('PK file body');
  });

  it('waits for a URL that is not ready yet when told which statuses mean so', async () => {
    const chunks: Uint8Array[] = [];
    const to = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
    const r = await client().things!.exportUrl.download({ query: { file: 'not-yet-2' } }, { to, pending: { statuses: [404], intervalMs: 10 } });
    expect(r.bytes).toBe(12);
    expect(files.requests.filter((x) => x.url.startsWith('/not-yet-2')).length).toBe(3);
    const fresh = new WritableStream<Uint8Array>();
    await expect(client().things!.exportUrl.download({ query: { file: 'not-yet-5' } }, { to: fresh })).rejects.toMatchObject({ name: 'DownloadError', status: 404 });
  });

  it('says so when the body has no URL (files delivered elsewhere)', async () => {
    await expect(client().things!.exportS3.download(undefined, { to: new WritableStream() })).rejects.toMatchObject({ name: 'DownloadError', message: expect.stringMatching(/no download URL at \/url/) });
  });

  it('streams a body that is the file', async () => {
    const chunks: Uint8Array[] = [];
    const r = await client().things!.report.download(undefined, { to: new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) }) });
    expect(Buffer.concat(chunks).toString()).toBe('a,b\n1,2\n');
    expect(r.contentType).toBe('text/csv');
  });
});
