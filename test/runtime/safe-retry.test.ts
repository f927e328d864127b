// A call is never repeated when the server may already have processed it: against real servers on
// 127.0.0.1 (one that never answers in time, one that answers 500/502/503, one that drops the
// connection after reading the request, a port that refuses connections), counting what arrives.
// Retries wait on a fake clock; time limits are real, and long enough for every request to arrive
// on a loaded machine.
import { describe, expect, it } from 'vitest';
import { buildClient, type ClientOptions } from '../../generator/runtime/client.ts';
import { ApiError, NetworkError, TimeoutError } from '../../generator/runtime/errors.ts';
import { networkFailure } from '../../generator/runtime/send.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, freePort, json, startServer, useTestServer, type TestServer } from './helpers.ts';

const t = useTestServer();
const client = (options: ClientOptions & Record<string, unknown> = {}): Loose => buildClient({ baseUrl: t.server.url, apiKey: 'k', appGroupId: 'g', clock: fakeClock(), ...options }, api);

/** A server that reads the request and never answers. */
const never = () => {};
/** Lets any attempt still in flight arrive before counting. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('a call that may have reached the server is not sent again', () => {
  it('POST that times out: exactly one request (default retry policy)', async () => {
    t.handler = never;
    // long enough for the request to arrive even on a loaded machine: it must have reached the server
    const error = await client({ timeoutMs: 2000 }).items.createItem({ body: { name: 'once' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    await settle();
    expect(t.server.requests).toHaveLength(1);
  });

  it('GET and PUT that time out are retried', async () => {
    t.handler = never;
    const error = await client({ timeoutMs: 1000, retry: { retries: 2 } }).items.listItems().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(3);
    expect(t.server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    t.server.requests.length = 0;
    await client({ timeoutMs: 1000, retry: { retries: 1 } }).payments.upsertItem({ path: { id: 'a' }, body: {} }).catch(() => {});
    expect(t.server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
  });

  it('500, 502 and 504 on a POST are not retried (even when listed in statuses); on a GET they are', async () => {
    for (const status of [500, 502, 504]) {
      t.server.requests.length = 0;
      t.handler = (_req, res) => json(res, status, { message: 'maybe done' });
      const error = await client({ retry: { statuses: [500, 502, 503, 504] } }).items.createItem({ body: {} }).catch((e: unknown) => e);
      expect((error as ApiError).status).toBe(status);
      expect((error as ApiError).attempts).toBe(1);
      expect(t.server.requests).toHaveLength(1);
      t.server.requests.length = 0;
      await client({ retry: { statuses: [500, 502, 503, 504], retries: 2 } }).items.listItems.result();
      expect(t.server.requests).toHaveLength(3);
    }
  });

  it('503 and 429 on a POST are retried: the server did not process it', async () => {
    for (const status of [503, 429]) {
      t.server.requests.length = 0;
      let n = 0;
      t.handler = (_req, res) => (n++ === 0 ? json(res, status, { message: 'not now' }, { 'Retry-After': '1' }) : json(res, 201, { id: 1 }));
      const clock = fakeClock();
      expect(await client({ clock }).items.createItem({ body: { name: 'x' } })).toEqual({ id: 1 });
      expect(t.server.requests).toHaveLength(2);
      expect(clock.sleeps).toEqual([1000]);
    }
  });

  it('a POST whose connection drops after the request was sent is not retried; a GET is', async () => {
    t.handler = (_req, res) => void res.socket?.destroy();
    const error = await client().items.createItem({ body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(1);
    expect(t.server.requests).toHaveLength(1);
    t.server.requests.length = 0;
    await client({ retry: { retries: 2 } }).items.listItems().catch(() => {});
    expect(t.server.requests).toHaveLength(3);
  });

  it('a refused connection is retried for a POST: nothing was sent', async () => {
    const port = await freePort();
    let late: TestServer | undefined;
    const clock = fakeClock();
    // the server comes up during the first wait
    const sleep = clock.sleep;
    clock.sleep = async (ms, signal) => {
      late ??= await startServer((_req, res) => json(res, 201, { id: 7 }), port);
      return sleep(ms, signal);
    };
    try {
      const c = buildClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k', clock }, api) as Loose;
      expect(await c.items.createItem({ body: { name: 'x' } })).toEqual({ id: 7 });
      expect(late!.requests).toHaveLength(1);
      expect(clock.sleeps).toHaveLength(1);
    } finally {
      await late?.close();
    }
  });
});

describe('a call declared safe to repeat is retried like a GET', () => {
  it('x-oaskit-idempotent: a POST that times out is sent again', async () => {
    t.handler = never;
    const error = await client({ timeoutMs: 1000, retry: { retries: 2 } }).payments.refund({ body: { charge: 'c1' } }).catch((e: unknown) => e);
    expect((error as TimeoutError).attempts).toBe(3);
    expect(t.server.requests).toHaveLength(3);
  });

  it('an idempotency key: filled once with a UUID, the same on every attempt, a new one per call; the caller\'s own is kept', async () => {
    let n = 0;
    t.handler = (_req, res) => (n++ % 3 < 2 ? json(res, 502, {}) : json(res, 201, { ok: true }));
    const c = client({ retry: { retries: 3 } });
    await c.payments.charge({ body: { amount: 1 } });
    await c.payments.charge({ body: { amount: 1 } });
    const keys = t.server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(6);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
    t.server.requests.length = 0;
    n = 2;
    await c.payments.charge({ body: { amount: 1 }, header: { 'Idempotency-Key': 'mine-1' } });
    expect(t.server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['mine-1']);
  });

  it('the caller opts in for one call with retry: { unsafe: true }', async () => {
    t.handler = never;
    const error = await client({ timeoutMs: 1000 }).items.createItem({ body: {}, retry: { unsafe: true, retries: 1 } }).catch((e: unknown) => e);
    expect((error as TimeoutError).attempts).toBe(2);
    expect(t.server.requests).toHaveLength(2);
  });
});

describe('which network failures prove that nothing was sent', () => {
  const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    ['a refused connection', fetchFailed({ code: 'ECONNREFUSED' }), 'unsent'],
    ['an unknown host', fetchFailed({ code: 'ENOTFOUND' }), 'unsent'],
    ['a connect timeout', fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' }), 'unsent'],
    ['a socket closed before a byte was written', fetchFailed({ code: 'UND_ERR_SOCKET', socket: { bytesWritten: 0 } }), 'unsent'],
    ['a socket closed after the request was written', fetchFailed({ code: 'UND_ERR_SOCKET', socket: { bytesWritten: 312 } }), 'sent'],
    ['a reset connection', fetchFailed({ code: 'ECONNRESET' }), 'sent'],
    ['a body cut off', Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } }), 'sent'],
    ["a browser's failure (no detail)", new TypeError('Failed to fetch'), 'sent'],
    ['an invalid header (not a network failure)', new TypeError('Headers.append: "a\\nb" is an invalid header value.'), undefined],
  ])('%s', (_name, error, want) => {
    expect(networkFailure(error)).toBe(want);
  });
});
