// Typed results and errors, and the retry rules (with a fake clock: nothing here waits).
import { describe, expect, it } from 'vitest';
import { buildClient, type ClientOptions } from '../../generator/runtime/client.ts';
import { ApiError, NetworkError } from '../../generator/runtime/errors.ts';
import { backoffDelay, defaultRetry, nextDelay, parseResetTime, parseRetryAfter, retryPolicy, serverDelay } from '../../generator/runtime/retry.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, json, useTestServer, type Handler } from './helpers.ts';

const t = useTestServer();

const client = (options: ClientOptions & Record<string, unknown> = {}): Loose => buildClient({ baseUrl: t.server.url, appGroupId: 'g', apiKey: 'k', ...options }, api);

/** Answers with the given [status, body, headers] in turn, then repeats the last. */
function sequence(...answers: [number, unknown, Record<string, string>?][]): Handler {
  let i = 0;
  return (_req, res) => {
    const [status, body, headers] = answers[Math.min(i++, answers.length - 1)]!;
    json(res, status, body, headers);
  };
}

describe('results and typed errors', () => {
  it('narrows by status: data on 2XX, the documented error body and parsed headers otherwise', async () => {
    const clock = fakeClock();
    t.handler = sequence(
      [200, [{ id: 1 }], { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99', 'X-RateLimit-Reset': '1704110400', 'X-Total': '1', 'X-Other': 'kept out' }],
      [400, { message: 'bad limit' }],
      [429, { message: 'slow down' }, { 'Retry-After': '7', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1704110460' }],
      [503, { message: 'down' }],
    );
    const c = client({ retry: false, clock });
    const ok = await c.items.listItems.result();
    expect(ok).toMatchObject({ ok: true, status: 200, data: [{ id: 1 }] });
    expect(ok.headers).toEqual({ 'X-RateLimit-Limit': 100, 'X-RateLimit-Remaining': 99, 'X-RateLimit-Reset': new Date('2024-01-01T12:00:00Z'), 'X-Total': 1 });
    expect(await c.items.listItems.result()).toMatchObject({ ok: false, status: 400, error: { message: 'bad limit' }, headers: {} });
    const limited = await c.items.listItems.result();
    expect(limited).toMatchObject({ ok: false, status: 429, error: { message: 'slow down' } });
    expect(limited.headers).toEqual({ 'Retry-After': '7', 'X-RateLimit-Remaining': 0, 'X-RateLimit-Reset': new Date('2024-01-01T12:01:00Z') });
    expect(await c.items.listItems.result()).toMatchObject({ ok: false, status: 503, error: { message: 'down' } });
  });

  it('throws an ApiError carrying the result, the request and the attempts in the throwing style', async () => {
    t.handler = sequence([429, { message: 'slow down' }, { 'X-RateLimit-Remaining': '0' }]);
    const error = await client({ retry: false }).items.createItem({ body: { name: 'a' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(429);
    expect(e.error).toEqual({ message: 'slow down' });
    expect(e.headers).toEqual({ 'X-RateLimit-Remaining': 0 });
    expect(e.result.status).toBe(429);
    expect(e.documented).toBe(true);
    expect(e.attempts).toBe(1);
    expect(e.request).toMatchObject({ operationId: 'createItem', method: 'POST', url: `${t.server.url}/items`, body: { name: 'a' } });
    expect(e.message).toContain('failed with 429');
  });

  it('matches exact codes, then NXX ranges, then default; an undocumented error status throws even in result style', async () => {
    t.handler = sequence([404, { message: 'none' }], [418, { message: 'teapot' }], [418, { message: 'teapot' }]);
    const c = client({ retry: false });
    expect(await c.items.getItem.result({ path: { id: 1 } })).toMatchObject({ status: 404, ok: false });
    expect(await c.items.getItem.result({ path: { id: 1 } })).toMatchObject({ status: 418, ok: false, error: { message: 'teapot' } });
    t.handler = sequence([418, { message: 'teapot' }]);
    const error = await c.items.createItem.result({ body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).documented).toBe(false);
  });

  it('isError recognises errors of its own operation only', async () => {
    t.handler = sequence([400, { message: 'x' }]);
    const c = client({ retry: false });
    const error = await c.items.listItems().catch((e: unknown) => e);
    expect(c.items.listItems.isError(error)).toBe(true);
    expect(c.items.createItem.isError(error)).toBe(false);
    expect(c.items.listItems.isError(new Error('x'))).toBe(false);
  });
});

describe('retry rules', () => {
  it('retries 429, 502, 503 and 504 with exponential backoff and jitter, then succeeds', async () => {
    t.handler = sequence([502, {}], [503, {}], [504, {}], [200, ['done']]);
    const clock = fakeClock(undefined, [0, 0.5, 1]);
    const data = await client({ clock, retry: { retries: 3, baseDelayMs: 100, jitter: 0.5 } }).items.listItems();
    expect(data).toEqual(['done']);
    // 100 * 2^n, less jitter * random: 100*(1-0), 200*(1-0.25), 400*(1-0.5)
    expect(clock.sleeps).toEqual([100, 150, 200]);
    expect(t.server.requests).toHaveLength(4);
  });

  it('does not retry other statuses', async () => {
    for (const status of [400, 500, 501]) {
      t.server.requests.length = 0;
      t.handler = sequence([status, { message: 'no' }]);
      const clock = fakeClock();
      await client({ clock }).items.listItems.result();
      expect(t.server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    }
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const clock = fakeClock();
    const at = new Date(clock.now() + 12_000).toUTCString();
    t.handler = sequence([429, {}, { 'Retry-After': '3' }], [503, {}, { 'Retry-After': at }], [200, []]);
    await client({ clock, retry: { baseDelayMs: 10 } }).items.listItems();
    expect(clock.sleeps).toEqual([3000, 12_000 - 3000]);
  });

  it('waits for X-RateLimit-Reset on 429 when there is no Retry-After', async () => {
    const clock = fakeClock();
    const reset = String(Math.floor(clock.now() / 1000) + 20);
    t.handler = sequence([429, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }], [200, []]);
    await client({ clock, retry: { baseDelayMs: 10 } }).items.listItems();
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('is bounded in count: the last answer comes back after the retries', async () => {
    t.handler = sequence([503, { message: 'down' }]);
    const clock = fakeClock();
    const result = await client({ clock, retry: { retries: 2, baseDelayMs: 10 } }).items.listItems.result();
    expect(result).toMatchObject({ status: 503, ok: false });
    expect(t.server.requests).toHaveLength(3);
    const error = await client({ clock, retry: { retries: 2, baseDelayMs: 10 } }).items.listItems().catch((e: unknown) => e);
    expect((error as ApiError).attempts).toBe(3);
  });

  it('is bounded in total time, and gives up when the t.server asks for more than maxDelayMs', async () => {
    t.handler = sequence([503, {}]);
    const clock = fakeClock(undefined, [0]);
    await client({ clock, retry: { retries: 10, baseDelayMs: 1000, maxElapsedMs: 5000 } }).items.listItems.result();
    expect(clock.sleeps).toEqual([1000, 2000]); // a third wait (4000) would end after 7 s
    t.server.requests.length = 0;
    t.handler = sequence([429, {}, { 'Retry-After': '3600' }]);
    const clock2 = fakeClock();
    expect(await client({ clock: clock2 }).items.listItems.result()).toMatchObject({ status: 429 });
    expect(t.server.requests).toHaveLength(1);
    expect(clock2.sleeps).toEqual([]);
  });

  it('is off per call with retry: false, and per client', async () => {
    t.handler = sequence([503, {}]);
    const clock = fakeClock();
    await client({ clock }).items.listItems.result({ retry: false });
    await client({ clock, retry: false }).items.listItems.result();
    expect(t.server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries network errors, and only the methods allowed', async () => {
    let n = 0;
    t.handler = (req, res) => {
      if (n++ < 2) res.socket?.destroy();
      else json(res, 200, ['ok']);
    };
    const clock = fakeClock();
    expect(await client({ clock, retry: { baseDelayMs: 10 } }).items.listItems()).toEqual(['ok']);
    expect(clock.sleeps).toHaveLength(2);
    n = 0;
    const error = await client({ clock, retry: { methods: ['GET'] } }).items.createItem({ body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(1);
  });
});

describe('retry helpers', () => {
  it.each([
    ['120', 0, 120_000],
    ['0', 0, 0],
    ['1.5', 0, 1500],
    ['Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'), 60_000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'), 0],
    ['soon', 0, undefined],
    [null, 0, undefined],
  ])('parseRetryAfter(%j)', (value, now, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });

  it.each([
    ['1704110400', 0, '2024-01-01T12:00:00.000Z'],
    ['1704110400000', 0, '2024-01-01T12:00:00.000Z'],
    ['30', Date.UTC(2024, 0, 1), '2024-01-01T00:00:30.000Z'],
    ['Mon, 01 Jan 2024 12:00:00 GMT', 0, '2024-01-01T12:00:00.000Z'],
  ])('parseResetTime(%j)', (value, now, want) => {
    expect(parseResetTime(value, now)?.toISOString()).toBe(want);
  });

  it('computes t.server delays and refuses waits beyond the budget', () => {
    const h = new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1704110460' });
    expect(serverDelay(200, h, Date.UTC(2024, 0, 1, 12))).toBe(60_000);
    // a small number is seconds from now
    expect(serverDelay(429, new Headers({ 'x-ratelimit-reset': '100' }), 40_000)).toBe(100_000);
    expect(serverDelay(200, new Headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '100' }), 0)).toBeUndefined();
    const p = retryPolicy({ retries: 2, maxElapsedMs: 1000 }, undefined)!;
    expect(nextDelay(p, 'get', 2, 0, 0, () => 0, 503)).toBeUndefined();
    expect(nextDelay(p, 'get', 0, 0, 900, () => 0, 503)).toBeUndefined();
    expect(nextDelay(p, 'get', 0, 0, 0, () => 0, 503)).toBe(500);
    expect(backoffDelay({ ...defaultRetry, baseDelayMs: 1000, maxDelayMs: 3000, jitter: 0 }, 5, () => 0)).toBe(3000);
    expect(retryPolicy({ retries: 1 }, false)).toBeUndefined();
    expect(retryPolicy(false, { retries: 1 })).toBeUndefined();
  });
});
