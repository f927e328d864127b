// Credentials, base URL, custom fetch, parameters and bodies, timeouts and abort signals, against a
// real server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, type ClientOptions } from '../../generator/runtime/client.ts';
import { ApiError, MissingCredentialError, NetworkError, RequestValidationError, TimeoutError } from '../../generator/runtime/errors.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, json, startServer, type Handler, type TestServer } from './helpers.ts';

let server: TestServer;
let handler: Handler = (_req, res) => json(res, 200, {});
beforeAll(async () => {
  server = await startServer((req, res) => handler(req, res));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  handler = (_req, res) => json(res, 200, { ok: true });
});

const client = (options: ClientOptions & Record<string, unknown> = {}): Loose => buildClient({ baseUrl: server.url, retry: false, ...options }, api);

describe('credentials', () => {
  it('puts an apiKey in the query, the header or a cookie, as the scheme says', async () => {
    const c = client({ appGroupId: 'g-1', apiKey: 'k-1', session: 's 1', token: 't' });
    await c.items.listItems();
    await c.items.createItem({ body: { name: 'x' } });
    await c.misc.withCookie({ cookie: { theme: 'dark' } });
    const [list, create, cookie] = server.requests;
    expect(new URL(list!.url, server.url).searchParams.get('app_group_id')).toBe('g-1');
    expect(create!.headers['x-api-key']).toBe('k-1');
    expect(cookie!.headers.cookie).toBe('theme=dark; sid=s%201');
  });

  it('sends HTTP basic auth with UTF-8 credentials and bearer tokens', async () => {
    const c = client({ apiKey: 'clé', apiSecret: 'sécret:1', token: 'tok' });
    await c.misc.basicOnly();
    await c.misc.bearerOrNothing();
    expect(server.requests[0]!.headers.authorization).toBe('Basic ' + Buffer.from('clé:sécret:1', 'utf8').toString('base64'));
    expect(server.requests[1]!.headers.authorization).toBe('Bearer tok');
  });

  it('picks the first satisfiable security alternative, and sends nothing when the spec allows none', async () => {
    await client({ token: 'only-bearer' }).items.getItem({ path: { id: 1 } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer only-bearer');
    expect(server.requests[0]!.headers['x-api-key']).toBeUndefined();
    await client().misc.bearerOrNothing();
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('fails before sending when a required credential is missing', async () => {
    const c = client({});
    await expect(c.items.getItem({ path: { id: 1 } })).rejects.toBeInstanceOf(MissingCredentialError);
    await expect(c.items.getItem({ path: { id: 1 } })).rejects.toThrow(/apiKey, or token/);
    await expect(c.users.track({ body: { events: [] } })).rejects.toThrow(/appGroupId/);
    expect(server.requests).toHaveLength(0);
  });

  it('fills a credential body property the caller left out, and keeps one the caller gave', async () => {
    const c = client({ appGroupId: 'g-9' });
    const body = { events: [{ name: 'e' }] };
    await c.users.track({ body });
    await c.users.track({ body: { app_group_id: 'mine', events: [] } });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ events: [{ name: 'e' }], app_group_id: 'g-9' });
    expect(body).toEqual({ events: [{ name: 'e' }] }); // the caller's object is not changed
    expect(JSON.parse(server.requests[1]!.body).app_group_id).toBe('mine');
  });

  it('redacts credentials in the request an error carries', async () => {
    handler = (_req, res) => json(res, 400, { message: 'bad' });
    const error = await client({ appGroupId: 'secret-group', apiKey: 'secret-key', apiSecret: 'x' })
      .items.listItems({ header: { 'X-Trace': 't-1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const request = (error as ApiError).request;
    expect(request.url).not.toContain('secret-group');
    expect(request.url).toContain('app_group_id=%5Bredacted%5D');
    expect(request.headers['x-trace']).toBe('t-1');
    expect(JSON.stringify(request)).not.toContain('secret');
  });
});

describe('transport', () => {
  it('uses the spec server unless baseUrl overrides it, through a custom fetch', async () => {
    const urls: string[] = [];
    const c = buildClient({ retry: false, appGroupId: 'g', fetch: async (r: Request) => (urls.push(r.url), new Response('[]', { headers: { 'content-type': 'application/json' } })) }, api) as Loose;
    await c.items.listItems();
    expect(urls[0]).toBe('https://api.example.invalid/v1/items?app_group_id=g');
    await client({ baseUrl: server.url + '/', appGroupId: 'g' }).items.listItems();
    expect(server.requests[0]!.url).toBe('/items?app_group_id=g');
  });

  it('sends client headers, header parameters and serialises query parameters by style', async () => {
    const c = client({ appGroupId: 'g', headers: { 'User-Agent': 'oaskit-test' } });
    await c.items.listItems({ query: { limit: 5, tags: ['a', 'b c'], ids: [1, 2] }, header: { 'X-Trace': 'abc' } });
    const req = server.requests[0]!;
    expect(req.url).toBe('/items?limit=5&tags=a,b%20c&ids=1&ids=2&app_group_id=g');
    expect(req.headers['user-agent']).toBe('oaskit-test');
    expect(req.headers['x-trace']).toBe('abc');
  });

  it('encodes path parameters, so a value cannot change the path', async () => {
    const c = client({ apiKey: 'k' });
    await c.items.getItem({ path: { id: '../admin?x=1#y' } });
    expect(server.requests[0]!.url).toBe('/items/..%2Fadmin%3Fx%3D1%23y');
    // URL parsers resolve '.', '..' (even as %2E%2E) and an empty segment would name the list
    for (const id of ['..', '.', '']) await expect(c.items.getItem({ path: { id } })).rejects.toBeInstanceOf(RequestValidationError);
    expect(server.requests).toHaveLength(1);
  });

  it('fills path parameters from the client and rejects a call that still misses one', async () => {
    const c = client({ apiKey: 'u', apiSecret: 'p', pathParams: { account_id: 'acc 1' } });
    await c.jobs.getJob({ path: { job_id: 'j1' } });
    expect(server.requests[0]!.url).toBe('/accounts/acc%201/jobs/j1');
    await expect(client({ apiKey: 'u', apiSecret: 'p' }).jobs.getJob({ path: { job_id: 'j1' } })).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('sends JSON, multipart (CSV parts from rows) and CSV bodies with their content types', async () => {
    const c = client({ apiKey: 'u', apiSecret: 'p' });
    await c.segments.upload({ path: { segment_id: 's' }, body: { user_ids: ['a'] } });
    await c.segments.upload({ path: { segment_id: 's' }, contentType: 'multipart/form-data', body: { file: ['u1', 'u,2', 'u"3'] } });
    await c.segments.upload({ path: { segment_id: 's' }, contentType: 'text/csv', body: [{ user_id: 'a', plan: 'pro' }] });
    const [j, m, csv] = server.requests;
    expect(j!.headers['content-type']).toBe('application/json');
    expect(m!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(m!.body).toContain('Content-Disposition: form-data; name="file"; filename="file.csv"');
    expect(m!.body).toContain('Content-Type: text/csv');
    expect(m!.body).toContain('u1\r\n"u,2"\r\n"u""3"\r\n');
    expect(csv!.headers['content-type']).toBe('text/csv');
    expect(csv!.body).toBe('user_id,plan\r\na,pro\r\n');
  });

  it('parses JSON, text and empty bodies by their content type', async () => {
    handler = (req, res) => {
      if (req.url.startsWith('/report')) {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.end('a,b\r\n');
      } else {
        res.writeHead(204);
        res.end();
      }
    };
    const c = client({ apiKey: 'u', apiSecret: 'p' });
    expect(await c.jobs.report()).toBe('a,b\r\n');
    expect(await c.users.recordEvent.result({ path: { account_id: 'a', user_id: 'b' }, body: {} })).toMatchObject({ ok: true, status: 204, data: undefined });
  });
});

describe('timeouts and abort', () => {
  const slow: Handler = (_req, res) => {
    setTimeout(() => json(res, 200, { late: true }), 400);
  };

  it('raises a TimeoutError per attempt (client-wide and per call)', async () => {
    handler = slow;
    const c = client({ appGroupId: 'g', timeoutMs: 50 });
    const started = Date.now();
    const error = await c.items.listItems().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(Date.now() - started).toBeLessThan(350);
    await expect(client({ appGroupId: 'g' }).items.listItems({ timeoutMs: 30 })).rejects.toBeInstanceOf(TimeoutError);
    expect(await client({ appGroupId: 'g', timeoutMs: 30 }).items.listItems({ timeoutMs: 2000 })).toEqual({ late: true });
  });

  it('retries a timed-out attempt when retries are on', async () => {
    let n = 0;
    // the first attempt answers after 3 s, past its 1 s limit; the second at once (1 s is room
    // enough for a loaded machine, where a 50 ms limit also cut the second attempt short)
    handler = (_req, res) => {
      if (n++ === 0) setTimeout(() => json(res, 200, { late: true }), 3000);
      else json(res, 200, { n });
    };
    const clock = fakeClock();
    const c = client({ appGroupId: 'g', timeoutMs: 1000, retry: { retries: 2 }, clock });
    expect(await c.items.listItems()).toEqual({ n: 2 });
    expect(clock.sleeps).toHaveLength(1);
  });

  it('stops at once when the caller aborts, with the caller\'s reason, and does not retry', async () => {
    handler = slow;
    const controller = new AbortController();
    const c = client({ appGroupId: 'g', retry: { retries: 5 }, clock: fakeClock() });
    const pending = c.items.listItems({ signal: controller.signal });
    // abort once the request is at the server (a fixed delay races the request on a loaded machine)
    void (async () => {
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort(new Error('user gave up'));
    })();
    await expect(pending).rejects.toThrow('user gave up');
    expect(server.requests).toHaveLength(1);
    await expect(c.items.listItems({ signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
  });

  it('reports a connection failure as a NetworkError with the request', async () => {
    const c = buildClient({ baseUrl: 'http://127.0.0.1:9', retry: false, appGroupId: 'g' }, api) as Loose;
    const error = await c.items.listItems().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).request.url).toBe('http://127.0.0.1:9/items?app_group_id=%5Bredacted%5D');
  });
});
