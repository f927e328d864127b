// Benchmark: pacing against a server that enforces its limits. A server in a child process counts
// requests per bucket in fixed windows, answers X-RateLimit-Limit/-Remaining/-Reset (each bucket
// in another header case) and 429 past the limit. The client sends 10,000 mixed calls (half to one
// bucket shared by two operations, a quarter to each of two others), 64 at a time, with the
// runtime's defaults, once paced by the buckets (`rateLimit: pacing()`, as the client object does
// by default) and once with `rateLimit: false`. Printed: the
// 429s the server sent and those that reached the caller, calls lost, and the throughput (accepted
// requests per full window, as a share of the limit; first and last window of each bucket left out).
//
//   npm run bench:ratelimit [-- --calls 10000 --window-ms 500 --scale 1]
//
// Goal (issue 16): paced, 0 429s reach the caller, 0 calls lost, throughput ≥ 90 % of the limit;
// unpaced, the 429s that pacing prevented. The limits (80, 40, 40 per 500 ms at scale 1: 320
// requests per second) must stay below what the machine pushes through loopback, else the
// throughput measures the machine, not the pacing (lower --scale on a busy machine).
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createConfig } from '../../generator/runtime/config.ts';
import type { OperationMeta } from '../../generator/runtime/meta.ts';
import { defineOperation, type RawOperation } from '../../generator/runtime/operation.ts';
import { pacing } from '../../generator/runtime/ratelimit.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '10000' }, 'window-ms': { type: 'string', default: '500' }, scale: { type: 'string', default: '1' }, role: { type: 'string' } } });
const calls = Number(values.calls);
const windowMs = Number(values['window-ms']);
const scale = Number(values.scale);
const limits: Record<string, number> = { reads: Math.round(80 * scale), writes: Math.round(40 * scale), exports: Math.round(40 * scale) };
const headerCase: Record<string, (s: string) => string> = { reads: (s) => s, writes: (s) => s.toLowerCase(), exports: (s) => s.toUpperCase() };

interface Counts {
  accepted: Record<string, Record<number, number>>;
  rejected: number;
}

function server(): void {
  let counts: Counts = { accepted: {}, rejected: 0 };
  const windows = new Map<string, { w: number; n: number }>();
  const s = createServer((req, res) => {
    if (req.url === '/__counts') {
      res.end(JSON.stringify(counts));
      counts = { accepted: {}, rejected: 0 };
      windows.clear();
      return;
    }
    req.resume();
    req.on('end', () => {
      const bucket = req.url!.split('/')[1]!;
      const w = Math.floor(Date.now() / windowMs);
      const state = windows.get(bucket)?.w === w ? windows.get(bucket)! : { w, n: 0 };
      windows.set(bucket, state);
      const limit = limits[bucket]!;
      const h = headerCase[bucket]!;
      const reset = String((w + 1) * windowMs);
      if (state.n >= limit) {
        counts.rejected++;
        res.writeHead(429, { 'content-type': 'application/json', [h('X-RateLimit-Limit')]: String(limit), [h('X-RateLimit-Remaining')]: '0', [h('X-RateLimit-Reset')]: reset });
        res.end('{"message":"over rate limit"}');
        return;
      }
      state.n++;
      const a = (counts.accepted[bucket] ??= {});
      a[w] = (a[w] ?? 0) + 1;
      res.writeHead(200, { 'content-type': 'application/json', [h('X-RateLimit-Limit')]: String(limit), [h('X-RateLimit-Remaining')]: String(limit - state.n), [h('X-RateLimit-Reset')]: reset });
      res.end('{"ok":true}');
    });
  });
  s.listen(0, '127.0.0.1', () => process.send!((s.address() as AddressInfo).port));
}

function op(base: string, id: string, bucket: string, method: 'get' | 'post', path: string): RawOperation {
  const meta: OperationMeta = {
    id,
    method,
    path,
    servers: [base],
    params: [],
    security: [],
    responses: [{ status: '200', media: ['application/json'], headers: [] }, { status: '429', media: ['application/json'], headers: [] }],
    rateLimit: { bucket, limit: limits[bucket]!, windowMs },
  };
  return defineOperation<RawOperation>(meta);
}

async function run(base: string, paced: boolean) {
  const ops = [op(base, 'listA', 'reads', 'get', '/reads/a'), op(base, 'listB', 'reads', 'get', '/reads/b'), op(base, 'create', 'writes', 'post', '/writes/x'), op(base, 'export', 'exports', 'post', '/exports/x')];
  const config = createConfig({ rateLimit: paced ? pacing() : false });
  let ok = 0;
  let surfaced = 0;
  let other = 0;
  // the calls of each operation, in order; 64 workers, 16 per operation, so that a bucket that is
  // waiting never holds back the others' calls
  const queues = new Map<RawOperation, number[]>(ops.map((o) => [o, []]));
  for (let i = 0; i < calls; i++) queues.get(ops[i % ops.length]!)!.push(i);
  const started = performance.now();
  const worker = async (o: RawOperation) => {
    for (let i = queues.get(o)!.shift(); i !== undefined; i = queues.get(o)!.shift()) {
      try {
        await o(config, o.meta.method === 'post' ? { body: { i } } : {});
        ok++;
      } catch (error) {
        if ((error as { status?: number }).status === 429) surfaced++;
        else other++;
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, (_, w) => worker(ops[w % ops.length]!)));
  const seconds = (performance.now() - started) / 1000;
  const counts = (await (await fetch(base + '/__counts')).json()) as Counts;
  const shares: number[] = [];
  for (const [bucket, byWindow] of Object.entries(counts.accepted)) {
    const ws = Object.keys(byWindow).map(Number).sort((a, b) => a - b);
    for (const w of ws.slice(1, -1)) shares.push((byWindow[w] ?? 0) / limits[bucket]!);
  }
  const throughput = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
  return { ok, surfaced, other, lost: calls - ok - surfaced - other, sent429: counts.rejected, throughput, seconds };
}

if (values.role === 'server') server();
else {
  const child = fork(fileURLToPath(import.meta.url), ['--role', 'server', '--window-ms', String(windowMs), '--scale', String(scale)], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const base = `http://127.0.0.1:${port}`;
  const total = (Object.values(limits).reduce((a, b) => a + b, 0) * 1000) / windowMs;
  console.log(`${calls} mixed calls, 64 at a time, against limits of ${Object.entries(limits).map(([b, n]) => `${b} ${n}`).join(', ')} per ${windowMs} ms (${total.toFixed(0)} requests per second in all)`);
  const results: Awaited<ReturnType<typeof run>>[] = [];
  for (const paced of [true, false]) {
    const r = await run(base, paced);
    results.push(r);
    console.log(
      `  ${paced ? 'paced  ' : 'unpaced'}  429s sent by the server ${String(r.sent429).padStart(5)}   429s reaching the caller ${String(r.surfaced).padStart(5)}   other errors ${r.other}   lost ${r.lost}   throughput ${(r.throughput * 100).toFixed(1)} % of the limit   ${r.seconds.toFixed(1)} s`,
    );
  }
  child.kill();
  // the goals of issue 16; the exit code says whether they were met (a loaded machine may miss the throughput)
  const [paced, unpaced] = results as [(typeof results)[0], (typeof results)[0]];
  const goals = [
    ['paced: no 429 reaches the caller', paced.surfaced === 0],
    ['paced: no call lost', paced.lost === 0 && paced.other === 0],
    ['paced: throughput >= 90 % of the limit', paced.throughput >= 0.9],
    ['unpaced: the server answers 429s that pacing prevented', unpaced.sent429 > 0],
  ] as const;
  for (const [goal, met] of goals) console.log(`  ${met ? 'met   ' : 'MISSED'} ${goal}`);
  process.exit(goals.every(([, met]) => met) ? 0 : 1);
}
