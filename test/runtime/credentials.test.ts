// Credentials go only where they belong: redirects (followed within the API's origin, refused
// elsewhere), errors as people see them (util.inspect, console.log, String, JSON, the stack), and
// responses that are not what the spec declares (not JSON, too large). Real servers on 127.0.0.1;
// a second server on another port is another origin.
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, type ClientOptions } from '../../generator/runtime/client.ts';
import { ApiError, ClientError, NetworkError, RedirectError, ResponseBodyError, TimeoutError } from '../../generator/runtime/errors.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, freePort, json, startServer, useTestServer, type TestServer } from './helpers.ts';

const t = useTestServer();
let elsewhere: TestServer;
beforeAll(async () => {
  elsewhere = await startServer((_req, res) => json(res, 200, { stolen: true }));
});
afterAll(() => elsewhere.close());

const SECRETS = { appGroupId: 'secret-group-4711', apiKey: 'secret-key-0815', apiSecret: 'secret-password-99', token: 'secret-token-77' };
const client = (options: ClientOptions & Record<string, unknown> = {}): Loose => buildClient({ baseUrl: t.server.url, ...SECRETS, clock: fakeClock(), retry: false, ...options }, api);

/** Every way a person may see an error; none may show a secret. */
function shown(error: unknown): string {
  const e = error as Error;
  return [inspect(error), inspect(error, { depth: Infinity }), format('%o', error), String(error), JSON.stringify(error), e.stack, e.message].join('\n');
}
function expectNoSecret(error: unknown, ...extra: string[]): void {
  expect(error).toBeInstanceOf(Error);
  const text = shown(error);
  for (const secret of [...Object.values(SECRETS), ...extra]) {
    expect(text, secret).not.toContain(secret);
    expect(text, secret).not.toContain(encodeURIComponent(secret));
  }
  const basic = Buffer.from(`${SECRETS.apiKey}:${SECRETS.apiSecret}`).toString('base64');
  expect(text).not.toContain(basic);
}

describe('redirects', () => {
  it('follows a same-origin 307 with the method, body and credentials', async () => {
    t.handler = (req, res) => void (req.url.startsWith('/users/track') ? res.writeHead(307, { location: '/v2/users/track' }).end() : json(res, 200, { moved: req.url }));
    expect(await client().users.track({ body: { events: [] } })).toEqual({ moved: '/v2/users/track' });
    const [first, second] = t.server.requests;
    expect(second).toMatchObject({ method: 'POST', url: '/v2/users/track' });
    expect(JSON.parse(second!.body)).toEqual(JSON.parse(first!.body));
  });

  it('turns a 303 into a GET without the body', async () => {
    t.handler = (req, res) => void (req.method === 'POST' ? res.writeHead(303, { location: `${t.server.url}/result/1` }).end() : json(res, 201, { at: req.url }));
    expect(await client().items.createItem({ body: { name: 'x' } })).toEqual({ at: '/result/1' });
    expect(t.server.requests.map((r) => [r.method, r.body, r.headers['content-type'] ?? null])).toEqual([
      ['POST', '{"name":"x"}', 'application/json'],
      ['GET', '', null],
    ]);
    expect(t.server.requests[1]!.headers['x-api-key']).toBe(SECRETS.apiKey);
  });

  it('never follows a redirect to another origin: a RedirectError names the target, and the other host sees nothing', async () => {
    for (const status of [301, 302, 307, 308]) {
      elsewhere.requests.length = 0;
      // the target echoes the credential the request carried (in its query, body or a header)
      t.handler = (req, res) => {
        const echo = req.headers['x-api-key'] ?? (req.body ? JSON.parse(req.body).app_group_id : new URL(req.url, t.server.url).searchParams.get('app_group_id'));
        res.writeHead(status, { location: `${elsewhere.url}/collect?echo=${echo}` }).end();
      };
      // a body credential (POST), a query credential (GET) and a header credential (POST)
      for (const call of [() => client().users.track({ body: { events: [{ name: 'e' }] } }), () => client().items.listItems(), () => client().items.createItem({ body: { name: 'x' } })]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        expect((error as RedirectError).status).toBe(status);
        expect((error as RedirectError).location).toBe(`${elsewhere.url}/collect?echo=%5Bredacted%5D`);
        expectNoSecret(error);
      }
      expect(elsewhere.requests).toHaveLength(0);
    }
  });

  it('treats another port or scheme as another origin, and bounds same-origin hops', async () => {
    t.handler = (_req, res) => void res.writeHead(302, { location: t.server.url.replace('http:', 'https:') + '/x' }).end();
    expect(await client().items.listItems().catch((e: unknown) => e)).toBeInstanceOf(RedirectError);
    let hop = 0;
    t.server.requests.length = 0;
    t.handler = (_req, res) => void res.writeHead(302, { location: `/loop/${hop++}` }).end();
    const error = await client({ maxRedirects: 3 }).items.listItems().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(t.server.requests).toHaveLength(4);
  });
});

describe('errors never show a credential', () => {
  it('ApiError: the query credential is redacted in the message, the request and the response', async () => {
    t.handler = (_req, res) => json(res, 400, { message: 'bad' });
    const error = (await client().items.listItems({ header: { 'X-Trace': 't-1' } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.request.url).toBe(`${t.server.url}/items?app_group_id=%5Bredacted%5D`);
    expect(error.result.response!.url).toBe(error.request.url);
    expect(error.result.response!.status).toBe(400);
    expect(error.request.headers['x-trace']).toBe('t-1');
    expectNoSecret(error);
    // the result style hands out the same redacted response
    t.handler = (_req, res) => json(res, 200, []);
    const result = await client().items.listItems.result();
    expect(result.response.url).toBe(error.request.url);
    expect(inspect(result, { depth: Infinity })).not.toContain(SECRETS.appGroupId);
  });

  it('ApiError: a body credential is redacted from the request summary, whether filled in or given by the caller', async () => {
    t.handler = (_req, res) => json(res, 400, { message: 'bad' });
    for (const body of [{ events: [] }, { events: [], app_group_id: 'secret-given-by-caller' }]) {
      const error = (await client().users.track({ body }).catch((e: unknown) => e)) as ApiError;
      expect(error.request.body).toEqual({ events: [], app_group_id: '[redacted]' });
      expectNoSecret(error, 'secret-given-by-caller');
    }
    expect(JSON.parse(t.server.requests[1]!.body).app_group_id).toBe('secret-given-by-caller');
  });

  it('basic and bearer credentials, header keys and cookies are redacted', async () => {
    t.handler = (_req, res) => json(res, 500, {});
    for (const call of [(c: Loose) => c.misc.basicOnly(), (c: Loose) => c.misc.bearerOrNothing(), (c: Loose) => c.misc.withCookie(), (c: Loose) => c.items.getItem({ path: { id: 1 } })]) {
      const error = (await call(client({ session: 'secret-session-1' })).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expectNoSecret(error, 'secret-session-1');
    }
  });

  it('NetworkError, TimeoutError and errors fetch raises itself (a bad URL, a bad header value) show none', async () => {
    const refused = await client({ baseUrl: `http://127.0.0.1:${await freePort()}` }).items.listItems().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetworkError);
    expectNoSecret(refused);
    t.handler = () => {};
    const slow = await client({ timeoutMs: 50 }).items.listItems().catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
    expectNoSecret(slow);
    // Node's fetch puts the whole URL, query included, in its error for a relative URL
    const relative = await client({ baseUrl: '/api' }).items.listItems().catch((e: unknown) => e);
    expect(String(relative)).toMatch(/\/api\/items\?app_group_id=\[redacted\]/);
    expectNoSecret(relative);
    // and a header value it refuses
    const badKey = 'secret-bad\u0000key';
    const bad = await client({ apiKey: badKey }).items.createItem({ body: {} }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Error);
    expectNoSecret(bad, badKey);
  });
});

describe('responses that are not what the spec declares', () => {
  it('a 2XX declared JSON that is not JSON rejects with ResponseBodyError (never text typed as an object)', async () => {
    for (const [type, body] of [['text/html', '<html>maintenance</html>'], ['application/json', '{"truncated":'], [undefined, 'plain']] as const) {
      t.handler = (_req, res) => void res.writeHead(201, type ? { 'content-type': type } : {}).end(body);
      const error = (await client().items.createItem({ body: {} }).catch((e: unknown) => e)) as ResponseBodyError;
      expect(error).toBeInstanceOf(ResponseBodyError);
      expect(error).toMatchObject({ reason: 'invalid', status: 201, contentType: type ?? '' });
      expect(error).toBeInstanceOf(ClientError);
    }
    // an error status keeps a body that is not JSON as text
    t.handler = (_req, res) => void res.writeHead(400, { 'content-type': 'text/html' }).end('<h1>bad</h1>');
    expect(((await client().items.createItem({ body: {} }).catch((e: unknown) => e)) as ApiError).error).toBe('<h1>bad</h1>');
  });

  it('a body over the limit is cut off at once, not buffered until the timeout', async () => {
    let closed = false;
    t.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => (closed = true));
      res.write('[');
      pump();
    };
    const started = Date.now();
    const error = (await client({ maxResponseBytes: 1024 * 1024, timeoutMs: 20_000 }).items.listItems().catch((e: unknown) => e)) as ResponseBodyError;
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ reason: 'too-large', limit: 1024 * 1024, status: 200 });
    expect(Date.now() - started).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading, and takes a per-call limit', async () => {
    t.handler = (_req, res) => json(res, 200, ['a', 'b', 'c']);
    expect(await client({ maxResponseBytes: 100 }).items.listItems()).toEqual(['a', 'b', 'c']);
    const error = await client({ maxResponseBytes: 100 }).items.listItems({ maxResponseBytes: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large', limit: 5 });
    expectNoSecret(error);
  });
});
