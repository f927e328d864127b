// Pacing options and the server's word, on a fake clock (time moves only when the client waits)
// against a loopback server: per-client budgets and opt-out, a 429's Retry-After closing the
// bucket for every call of it, X-RateLimit-Limit replacing the declared limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../generator/runtime/client.ts';
import { createConfig } from '../../generator/runtime/config.ts';
import type { OperationMeta } from '../../generator/runtime/meta.ts';
import { defineOperation, type RawOperation } from '../../generator/runtime/operation.ts';
import { pacing, type RateLimitOptions } from '../../generator/runtime/ratelimit.ts';
import { fakeClock, json, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let answers: { status: number; headers: Record<string, string> }[] = [];
// the fake clock of the test running: the server notes when (in its time) each request arrived
let clock = fakeClock();
let start = clock.now();
let sent: number[] = [];

function reset(): void {
  clock = fakeClock();
  start = clock.now();
  sent = [];
}

beforeAll(async () => {
  server = await startServer((_, res) => {
    sent.push(clock.now() - start);
    const a = answers.shift() ?? { status: 200, headers: {} };
    json(res, a.status, {}, a.headers);
  });
});
afterAll(() => server.close());

function op(limit: number, windowMs: number): RawOperation {
  const meta: OperationMeta = { id: 'op', method: 'get', path: '/x', servers: [server.url], params: [], security: [], responses: [{ status: '200', media: ['application/json'], headers: [] }], rateLimit: { bucket: 'b', limit, windowMs } };
  return defineOperation<RawOperation>(meta);
}

/**
 * Sends `n` calls one after the other; returns the fake time (ms from the start) each reached the
 * server at. (One after the other: the fake clock jumps as soon as a call waits, even while
 * others are on the wire.)
 */
async function sendTimes(o: RawOperation, n: number, options: { rateLimit?: RateLimitOptions | false }): Promise<number[]> {
  reset();
  const config = createConfig({ clock, rateLimit: options.rateLimit === false ? false : pacing(options.rateLimit) });
  for (let i = 0; i < n; i++) await o(config);
  return sent;
}

describe('pacing options', () => {
  it('paces by the declared budget: the third call waits for a token to come back', async () => {
    answers = [];
    const t = await sendTimes(op(2, 1000), 3, {});
    expect(t.slice(0, 2)).toEqual([0, 0]);
    expect(t[2]).toBeGreaterThanOrEqual(1000);
  });

  it('a client sets its own budget for a bucket, or turns pacing off', async () => {
    answers = [];
    const own = await sendTimes(op(100, 1000), 3, { rateLimit: { buckets: { b: { limit: 1, windowMs: 500 } } } });
    expect(own[1]).toBeGreaterThanOrEqual(500);
    expect(own[2]).toBeGreaterThanOrEqual(1000);
    expect(await sendTimes(op(1, 1000), 4, { rateLimit: false })).toEqual([0, 0, 0, 0]);
    expect(await sendTimes(op(1, 1000), 3, { rateLimit: { buckets: { b: false } } })).toEqual([0, 0, 0]);
  });

  it('a 429 closes the bucket until its Retry-After, for the retry and every other call', async () => {
    answers = [{ status: 429, headers: { 'Retry-After': '3' } }];
    reset();
    const config = createConfig({ clock, retry: { baseDelayMs: 1, jitter: 0 }, rateLimit: pacing() });
    const o = op(100, 1000);
    await o(config);
    await o(config);
    expect(sent).toEqual([0, 3000, 3000]);
    // a call that is not retried still leaves the bucket closed for the next
    answers = [{ status: 429, headers: { 'Retry-After': '2' } }];
    reset();
    const once = createConfig({ clock, retry: false, rateLimit: pacing() });
    await expect(o(once)).rejects.toMatchObject({ status: 429 });
    await o(once);
    expect(sent).toEqual([0, 2000]);
  });

  it('the client object paces by default (rateLimit: false turns it off); a standalone config is paced when given pacing()', async () => {
    answers = [];
    const o = op(1, 1000);
    const client = (options: object) => buildClient({ clock, ...options }, { name: 'x', servers: [server.url], schemes: [], operations: [o.meta], layout: [['', [['op', 0]]]] }) as { op(): Promise<unknown> };
    reset();
    const paced = client({});
    for (let i = 0; i < 3; i++) await paced.op();
    expect(sent[1]).toBeGreaterThanOrEqual(1000);
    expect(sent[2]).toBeGreaterThanOrEqual(2000);
    reset();
    const unpaced = client({ rateLimit: false });
    for (let i = 0; i < 3; i++) await unpaced.op();
    expect(sent).toEqual([0, 0, 0]);
    reset();
    const own = client({ rateLimit: { buckets: { b: { limit: 2, windowMs: 500 } } } });
    for (let i = 0; i < 3; i++) await own.op();
    expect(sent.slice(0, 2)).toEqual([0, 0]);
    expect(sent[2]).toBeGreaterThanOrEqual(500);
    reset();
    const standalone = createConfig({ clock });
    for (let i = 0; i < 3; i++) await o(standalone);
    expect(sent).toEqual([0, 0, 0]);
  });

  it('X-RateLimit-Limit (any case) replaces the declared limit', async () => {
    answers = [{ status: 200, headers: { 'x-ratelimit-limit': '1' } }];
    reset();
    const config = createConfig({ clock, rateLimit: pacing() });
    const o = op(100, 1000);
    await o(config);
    await o(config);
    expect(sent[1]).toBeGreaterThanOrEqual(1000);
  });
});
