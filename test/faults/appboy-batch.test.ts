// 10,000 Appboy track items through the generated client's batching helper, against the fault
// server (429 with Retry-After / X-RateLimit-Reset, 502, dropped connections). Every item must be
// accounted for: delivered, rejected by name in a success response, or reported failed with its
// error; none lost, none sent again after a success. The server's record is the truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, type GeneratedPackage } from '../conformance/generated.ts';
import { startFaultServer, type FaultServer, type ReceivedRequest } from './fault-server.ts';

type Item = Record<string, unknown>;
type Outcome = { array: string; index: number; item: Item; chunk: number; status: 'delivered' | 'rejected' | 'failed' | 'unconfirmed'; reason?: unknown; error?: unknown; errors?: unknown[] };
interface Report {
  outcomes: Outcome[];
  chunks: { index: number; ranges: [string, number, number][]; ok: boolean; error?: unknown }[];
  delivered: number;
  rejected: number;
  failed: number;
  unconfirmed: number;
  ok: boolean;
}
type TrackUsers = { batch(body: unknown, options?: { concurrency?: number }): Promise<Report> };

const EVENTS = 6000;
const ATTRIBUTES = 2000;
const PURCHASES = 2000;
const RETRIES = 2;
const APP_GROUP = 'oaskit-fault-test-group';

/** A stable key per item, read back from the bodies the server received. */
function keyOf(array: string, item: Item): string {
  if (array === 'events') return `events:${String(item.name)}`;
  if (array === 'attributes') return `attributes:${String(item.external_id)}`;
  return `purchases:${String(item.product_id)}`;
}

/** The server rejects (as a non-fatal error in a 200) every item whose number is a multiple of 997. */
function rejectedByServer(key: string): boolean {
  return Number(key.split('-').pop()) % 997 === 0;
}

describe('Appboy users/track batch through faults', () => {
  let pkg: GeneratedPackage;
  let server: FaultServer;

  beforeAll(async () => {
    pkg = await loadGenerated('appboy');
    server = await startFaultServer({
      seed: 20_240_601,
      rates: { rateLimit: 0.15, badGateway: 0.1, drop: 0.08 },
      retryAfterSeconds: 0,
      rateLimitHeaders: 'mixed',
      respond: (req) => {
        // a 200 as the spec documents it; non-fatal errors name items as "<array>[<index>]: ..."
        const body = (req.json ?? {}) as Record<string, Item[] | undefined>;
        const errors: string[] = [];
        for (const array of ['attributes', 'events', 'purchases']) {
          (body[array] ?? []).forEach((item, i) => {
            if (rejectedByServer(keyOf(array, item))) errors.push(`${array}[${i}]: rejected by the fault server`);
          });
        }
        return { status: 200, headers: { 'x-ratelimit-limit': '250000', 'x-ratelimit-remaining': '1000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) }, body: errors.length ? { message: 'success', errors } : { message: 'success' } };
      },
    });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    pkg?.dispose();
  });

  it('accounts for every one of 10,000 items', async () => {
    const create = pkg.index.createAppboyClient as (options: Record<string, unknown>) => { userData: { trackUsers: TrackUsers } };
    const ApiError = pkg.index.ApiError as new (...args: never[]) => Error & { status: number; attempts: number };
    const NetworkError = pkg.index.NetworkError as new (...args: never[]) => Error & { attempts: number };
    const client = create({
      appGroupId: APP_GROUP,
      baseUrl: server.url,
      timeoutMs: 20_000,
      retry: { retries: RETRIES, baseDelayMs: 5, maxDelayMs: 5_000, maxElapsedMs: 60_000, jitter: 0.5 },
    });
    const events = Array.from({ length: EVENTS }, (_, i) => ({ external_id: `user-${i % 500}`, name: `evt-${i}`, time: '2024-06-01T12:00:00Z', properties: { seq: i } }));
    const attributes = Array.from({ length: ATTRIBUTES }, (_, i) => ({ external_id: `attr-${i}`, first_name: `Name ${i}` }));
    const purchases = Array.from({ length: PURCHASES }, (_, i) => ({ external_id: `user-${i % 500}`, product_id: `sku-${i}`, currency: 'USD', price: 1.5, time: '2024-06-01T12:00:00Z' }));

    const started = Date.now();
    const report = await client.userData.trackUsers.batch({ events, attributes, purchases }, { concurrency: 4 });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    // --- none lost: one outcome per item given, in order -------------------------------------
    const given: [string, Item[]][] = [['attributes', attributes], ['events', events], ['purchases', purchases]];
    expect(report.outcomes).toHaveLength(EVENTS + ATTRIBUTES + PURCHASES);
    for (const [array, items] of given) {
      const mine = report.outcomes.filter((o) => o.array === array);
      expect(mine.map((o) => o.index)).toEqual(items.map((_, i) => i));
      expect(mine.every((o, i) => o.item === items[i])).toBe(true);
    }
    expect(report.delivered + report.rejected + report.failed + report.unconfirmed).toBe(10_000);

    // --- the server's truth: which requests carried each item, and what they were answered ----
    const carried = new Map<string, ReceivedRequest[]>();
    for (const r of server.records) {
      const body = (r.json ?? {}) as Record<string, unknown>;
      expect(body.app_group_id).toBe(APP_GROUP); // the credential went into every body
      for (const [array] of given) for (const item of (body[array] as Item[] | undefined) ?? []) {
        const k = keyOf(array, item);
        if (!carried.has(k)) carried.set(k, []);
        carried.get(k)!.push(r);
      }
      for (const [array] of given) expect(((body[array] as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(50);
    }

    const problems: string[] = [];
    for (const o of report.outcomes) {
      const k = keyOf(o.array, o.item);
      const requests = carried.get(k) ?? [];
      const oks = requests.filter((r) => r.answer.kind === 'ok');
      if (requests.length === 0) problems.push(`${k}: never sent`);
      if (requests.length > RETRIES + 1) problems.push(`${k}: sent ${requests.length} times`);
      if (oks.length > 1) problems.push(`${k}: accepted ${oks.length} times`);
      if (oks.length === 1 && requests.some((r) => r.seq > oks[0]!.seq)) problems.push(`${k}: sent again after a success`);
      switch (o.status) {
        case 'delivered':
          if (oks.length !== 1) problems.push(`${k}: reported delivered, but the server accepted it ${oks.length} times`);
          if (rejectedByServer(k)) problems.push(`${k}: reported delivered, but the server rejected it`);
          break;
        case 'rejected':
          if (oks.length !== 1 || !rejectedByServer(k)) problems.push(`${k}: reported rejected wrongly`);
          if (!String(o.reason).includes('rejected by the fault server')) problems.push(`${k}: rejected without the server's reason`);
          break;
        case 'failed': {
          if (oks.length !== 0) problems.push(`${k}: reported failed, but the server accepted it`);
          const e = o.error;
          const last = requests.at(-1)?.answer.kind;
          if (last === 'drop' ? !(e instanceof NetworkError) : !(e instanceof ApiError && (e.status === 429 || e.status === 502))) problems.push(`${k}: failed with ${String(e)} after a last answer ${last}`);
          if ((e as { attempts?: number }).attempts !== requests.length) problems.push(`${k}: error says ${(e as { attempts?: number }).attempts} attempts, the server saw ${requests.length}`);
          break;
        }
        case 'unconfirmed':
          problems.push(`${k}: unconfirmed (${JSON.stringify(o.errors)})`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);

    // every request the server saw belongs to exactly one chunk of the report
    const failedChunks = report.chunks.filter((c) => !c.ok).length;
    const counts = server.counts();
    console.log(
      `batch: 10000 items (${EVENTS} events, ${ATTRIBUTES} attributes, ${PURCHASES} purchases) in ${report.chunks.length} chunks, ${seconds} s: ` +
        `delivered ${report.delivered}, rejected ${report.rejected}, failed ${report.failed} (${failedChunks} chunks), unconfirmed ${report.unconfirmed}; ` +
        `server saw ${server.records.length} requests: ok ${counts.ok}, 429 ${counts['rate-limit']}, 502 ${counts['bad-gateway']}, dropped ${counts.drop}`,
    );
    expect(counts.ok).toBe(report.chunks.filter((c) => c.ok).length);
    expect(counts['rate-limit'] + counts['bad-gateway'] + counts.drop).toBeGreaterThan(0);
    expect(report.rejected).toBe(report.outcomes.filter((o) => rejectedByServer(keyOf(o.array, o.item)) && o.status === 'rejected').length);
    expect(server.exhausted).toBe(false);
  }, 600_000);
});
