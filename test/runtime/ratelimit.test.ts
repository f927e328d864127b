// Pacing against a real server on loopback that enforces fixed-window limits per bucket and
// answers X-RateLimit-* headers (in the case it picks per bucket) and 429s past the limit. Windows
// are short (250 ms) and budgets small, so the run takes seconds; the client's clock is the real
// one. What must hold whatever the machine's load: no 429 reaches the server's count, no call is
// lost, and the same calls unpaced meet 429s. The throughput figure (≥ 90 % of the limit) and the
// 10,000-call run are measured by `npm run bench:ratelimit`, not asserted here (a loaded machine
// may not keep up with any limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../generator/runtime/config.ts';
import type { OperationMeta } from '../../generator/runtime/meta.ts';
import { defineOperation, type RawOperation } from '../../generator/runtime/operation.ts';
import { pacing } from '../../generator/runtime/ratelimit.ts';
import { json, startServer, type TestServer } from './helpers.ts';

const windowMs = 250;
// in proportion to the calls (half are reads): every bucket is busy to the end
const limits: Record<string, number> = { reads: 20, writes: 10, exports: 10 };
const calls = 1_200;
// header names in a different case per bucket: the client reads any
const headerCase: Record<string, (s: string) => string> = { reads: (s) => s, writes: (s) => s.toLowerCase(), exports: (s) => s.toUpperCase() };

interface BucketState {
  window: number;
  count: number;
  accepted: Map<number, number>;
  rejected: number;
}

let server: TestServer;
const state = new Map<string, BucketState>();

function reset(): void {
  for (const b of Object.keys(limits)) state.set(b, { window: -1, count: 0, accepted: new Map(), rejected: 0 });
}

beforeAll(async () => {
  reset();
  server = await startServer((req, res) => {
    const bucket = req.url.split('/')[1]!;
    const s = state.get(bucket)!;
    const now = Date.now();
    const w = Math.floor(now / windowMs);
    if (w !== s.window) {
      s.window = w;
      s.count = 0;
    }
    const limit = limits[bucket]!;
    const h = headerCase[bucket]!;
    const resetAt = String((w + 1) * windowMs); // epoch ms
    if (s.count >= limit) {
      s.rejected++;
      json(res, 429, { message: 'over rate limit' }, { [h('X-RateLimit-Limit')]: String(limit), [h('X-RateLimit-Remaining')]: '0', [h('X-RateLimit-Reset')]: resetAt });
      return;
    }
    s.count++;
    s.accepted.set(w, (s.accepted.get(w) ?? 0) + 1);
    json(res, 200, { ok: true }, { [h('X-RateLimit-Limit')]: String(limit), [h('X-RateLimit-Remaining')]: String(limit - s.count), [h('X-RateLimit-Reset')]: resetAt });
  });
});

afterAll(() => server.close());

function op(id: string, bucket: string, method: 'get' | 'post', path: string): RawOperation {
  const meta: OperationMeta = {
    id,
    method,
    path,
    servers: [server.url],
    params: [],
    security: [],
    responses: [{ status: '200', media: ['application/json'], headers: [] }, { status: '429', media: ['application/json'], headers: [] }],
    rateLimit: { bucket, limit: limits[bucket]!, windowMs },
  };
  return defineOperation<RawOperation>(meta);
}

/** Mixed calls: two operations share `reads`, one each for `writes` and `exports`. */
function operations(): RawOperation[] {
  return [op('listA', 'reads', 'get', '/reads/a'), op('listB', 'reads', 'get', '/reads/b'), op('create', 'writes', 'post', '/writes/x'), op('export', 'exports', 'post', '/exports/x')];
}

async function run(paced: boolean, calls: number, concurrency: number) {
  reset();
  // the client's defaults (retries included) but the pacing
  const config = createConfig({ rateLimit: paced ? pacing() : false });
  const ops = operations();
  let ok = 0;
  let surfaced429 = 0;
  let other = 0;
  const sentPerBucket = new Map<string, number>();
  // the calls of each operation, in order; the workers serve one operation each, so that a
  // bucket that is waiting never holds back the others' calls
  const queues = new Map<RawOperation, number[]>(ops.map((o) => [o, []]));
  for (let i = 0; i < calls; i++) queues.get(ops[i % ops.length]!)!.push(i);
  const started = Date.now();
  const worker = async (o: RawOperation) => {
    for (let i = queues.get(o)!.shift(); i !== undefined; i = queues.get(o)!.shift()) {
      sentPerBucket.set(o.meta.rateLimit!.bucket, (sentPerBucket.get(o.meta.rateLimit!.bucket) ?? 0) + 1);
      try {
        await o(config, o.meta.method === 'post' ? { body: { i } } : {});
        ok++;
      } catch (error) {
        if ((error as { status?: number }).status === 429) surfaced429++;
        else other++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(ops[w % ops.length]!)));
  return { ok, surfaced429, other, ms: Date.now() - started, sentPerBucket };
}

/** Accepted requests per full window, as a share of the limit (first and last windows of each bucket left out: partial). */
function throughput(): number {
  const shares: number[] = [];
  for (const [bucket, s] of state) {
    const windows = [...s.accepted.keys()].sort((a, b) => a - b);
    for (const w of windows.slice(1, -1)) shares.push((s.accepted.get(w) ?? 0) / limits[bucket]!);
  }
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

describe('pacing by bucket (x-oaskit-rate-limit)', () => {
  it(`${calls} mixed calls, 64 at a time: no 429, none lost`, async () => {
    const r = await run(true, calls, 64);
    const rejectedByServer = [...state.values()].reduce((n, s) => n + s.rejected, 0);
    console.log(`paced: ${r.ok} ok, ${r.surfaced429} 429s surfaced, ${rejectedByServer} 429s sent by the server, throughput ${(throughput() * 100).toFixed(1)} % of the limit, ${r.ms} ms`);
    expect(r.surfaced429).toBe(0);
    // (a request that a busy event loop sends at a window's very end may still meet one; it is
    // retried. On a loaded 2-core machine that was 14 of 1,200; unpaced, the same run meets 660)
    expect(rejectedByServer).toBeLessThanOrEqual(calls / 20);
    expect(r.other).toBe(0);
    expect(r.ok).toBe(calls);
    // every bucket was used, and had its turn
    expect([...r.sentPerBucket.values()]).toEqual([calls / 2, calls / 4, calls / 4]);
  }, 60_000);

  it('the same calls unpaced meet the 429s that pacing prevents', async () => {
    const r = await run(false, calls, 64);
    const rejectedByServer = [...state.values()].reduce((n, s) => n + s.rejected, 0);
    console.log(`unpaced: ${r.ok} ok, ${r.surfaced429} 429s surfaced, ${rejectedByServer} 429s sent by the server, ${r.ms} ms`);
    // 64 calls at once are more than any bucket's budget of a window: the server rejects many,
    // and some calls run out of retries
    expect(rejectedByServer).toBeGreaterThan(calls / 10);
    expect(r.ok + r.surfaced429 + r.other).toBe(calls);
  }, 60_000);
});
