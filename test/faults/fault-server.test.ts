// The fault server itself: seeded schedules, the headers of a 429, dropped connections, the
// record of every request, the bound of a run.
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom, startFaultServer, type FaultKind, type FaultServer } from './fault-server.ts';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function start(options: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const s = await startFaultServer(options);
  servers.push(s);
  return s;
}

type Outcome = { status: number; headers: Headers; text: string } | { error: string };

async function send(url: string, body: unknown): Promise<Outcome> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (error) {
    return { error: String((error as Error).cause ?? error) };
  }
}

function kindOf(o: Outcome): FaultKind {
  if ('error' in o) return 'drop';
  return o.status === 429 ? 'rate-limit' : o.status === 502 ? 'bad-gateway' : o.status === 503 ? 'exhausted' : 'ok';
}

describe('fault server', () => {
  it('answers shares of 429, 502 and dropped connections, and records every request and answer', async () => {
    const server = await start({ seed: 42, rates: { rateLimit: 0.2, badGateway: 0.1, drop: 0.1 }, retryAfterSeconds: 2, now: () => 1_700_000_000_000 });
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 400; i++) outcomes.push(await send(`${server.url}/users/track`, { i }));

    expect(server.records).toHaveLength(400);
    // what the client saw is what the server recorded, request by request
    expect(outcomes.map(kindOf)).toEqual(server.records.map((r) => r.answer.kind));
    expect(server.records.map((r) => (r.json as { i: number }).i)).toEqual([...Array(400).keys()]);
    expect(server.records.every((r) => r.method === 'POST' && r.url === '/users/track')).toBe(true);

    const counts = server.counts();
    expect(counts.ok + counts['rate-limit'] + counts['bad-gateway'] + counts.drop).toBe(400);
    expect(counts['rate-limit']).toBeGreaterThan(40);
    expect(counts['rate-limit']).toBeLessThan(120);
    expect(counts['bad-gateway']).toBeGreaterThan(15);
    expect(counts['bad-gateway']).toBeLessThan(70);
    expect(counts.drop).toBeGreaterThan(15);
    expect(counts.drop).toBeLessThan(70);
    console.log(`fault server, 400 requests, seed 42: ${JSON.stringify(counts)}`);

    const limited = outcomes.find((o) => kindOf(o) === 'rate-limit') as { headers: Headers; text: string };
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(1_700_000_000 + 2));
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const bad = outcomes.find((o) => kindOf(o) === 'bad-gateway') as { text: string };
    expect(bad.text).toContain('502 Bad Gateway');
    const ok = outcomes.find((o) => kindOf(o) === 'ok') as { status: number; text: string };
    expect(ok.status).toBe(201);
    expect(JSON.parse(ok.text)).toEqual({ message: 'success' });
  }, 120_000);

  it('the same seed gives the same schedule; another seed another one', async () => {
    const schedule = async (seed: number) => {
      const server = await start({ seed, rates: { rateLimit: 0.25, badGateway: 0.25, drop: 0.25 }, retryAfterSeconds: 0 });
      for (let i = 0; i < 60; i++) await send(server.url, { i });
      return server.records.map((r) => r.answer.kind);
    };
    const a = await schedule(7);
    expect(await schedule(7)).toEqual(a);
    expect(await schedule(8)).not.toEqual(a);
  }, 120_000);

  it('decides in arrival order, so concurrent clients get the seeded schedule too', async () => {
    const server = await start({ seed: 3, rates: { rateLimit: 0.3, badGateway: 0.2, drop: 0.1 } });
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 25; i++) await send(server.url, { w, i });
    }));
    const random = seededRandom(3);
    const expected = server.records.map(() => {
      const r = random();
      return r < 0.1 ? 'drop' : r < 0.4 ? 'rate-limit' : r < 0.6 ? 'bad-gateway' : 'ok';
    });
    expect(server.records.map((r) => r.answer.kind)).toEqual(expected);
    expect(server.records).toHaveLength(200);
  }, 120_000);

  it('rate-limit headers can be one or the other', async () => {
    const resetOnly = await start({ seed: 1, rates: { rateLimit: 1 }, rateLimitHeaders: 'reset', retryAfterSeconds: 5, now: () => 1_000_000 });
    const r = (await send(resetOnly.url, {})) as { status: number; headers: Headers };
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeNull();
    expect(r.headers.get('x-ratelimit-reset')).toBe('1005');
    const afterOnly = await start({ seed: 1, rates: { rateLimit: 1 }, rateLimitHeaders: 'retry-after', retryAfterSeconds: 0 });
    const s = (await send(afterOnly.url, {})) as { status: number; headers: Headers };
    expect(s.headers.get('retry-after')).toBe('0');
    expect(s.headers.get('x-ratelimit-reset')).toBeNull();
  }, 60_000);

  it('answers with respond() when it does not fault, and bounds a run with maxRequests', async () => {
    const server = await start({ seed: 9, rates: {}, maxRequests: 3, respond: (req) => ({ status: 200, headers: { 'x-seq': String(req.seq) }, body: { echo: req.json } }) });
    const answers: Outcome[] = [];
    for (let i = 0; i < 5; i++) answers.push(await send(server.url, { i }));
    expect(answers.map((a) => ('status' in a ? a.status : 0))).toEqual([200, 200, 200, 503, 503]);
    expect(JSON.parse((answers[1] as { text: string }).text)).toEqual({ echo: { i: 1 } });
    expect((answers[2] as { headers: Headers }).headers.get('x-seq')).toBe('2');
    expect(server.exhausted).toBe(true);
    expect(server.counts()).toEqual({ ok: 3, 'rate-limit': 0, 'bad-gateway': 0, drop: 0, exhausted: 2 });
  }, 60_000);

  it('listens on loopback only and refuses impossible rates', async () => {
    await expect(startFaultServer({ seed: 1, rates: {}, host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
    await expect(startFaultServer({ seed: 1, rates: { drop: 0.6, rateLimit: 0.6 } })).rejects.toThrow(/more than 1/);
    const server = await start({ seed: 1, rates: {} });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('after stop() nothing listens', async () => {
    const server = await start({ seed: 1, rates: {} });
    await server.stop();
    expect(kindOf(await send(server.url, {}))).toBe('drop'); // connection refused
  });
});
