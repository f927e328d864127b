// Benchmark: the per-request overhead of the generated client over raw `fetch`, beside
// openapi-fetch's, on loopback.
//
//   npm run bench:client [-- --rounds N --requests N]   (defaults: 9 rounds of 300 requests)
//
// Two requests, made the same way by every contender: a JSON POST (Appboy `POST /users/track`,
// the credential in the body) and a GET with a query (`GET /segments/list?page=1&app_group_id=…`).
// Contenders: raw `fetch(url, init)` + `response.json()`; openapi-fetch's `client.POST/GET`; the
// generated Appboy client (`client.userData.trackUsers(...)`, default options: retries and a
// timeout on); and the standalone operation (`trackUsers(config, input)`).
//
// The server runs in a child process, so the client's CPU time (process.cpuUsage) measures only
// the client side. Rounds interleave the contenders; each figure is the median of the rounds.
// Overhead = contender's CPU time per request − raw fetch's. The goal (issue 12): the generated
// client's overhead ≤ openapi-fetch's overhead × 1.05.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import createFetchClient from 'openapi-fetch';
import { median } from '../lib/stats.ts';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '9' }, requests: { type: 'string', default: '300' }, serve: { type: 'boolean', default: false } },
});

// --- the server (child process) ------------------------------------------------------------

function serve(): void {
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const echo = process.env.BENCH_ECHO === '1' ? { method: req.method, url: req.url, body, type: req.headers['content-type'] ?? null } : undefined;
      const payload = JSON.stringify(echo ?? (req.method === 'GET' ? { segments: [{ id: 'a', name: 'Segment A', analytics_tracking_enabled: true, tags: [] }], message: 'success' } : { message: 'success' }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-ratelimit-limit': '250000', 'x-ratelimit-remaining': '249999', 'x-ratelimit-reset': reset });
      res.end(payload);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
}

async function startServer(echo: boolean): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve'], { env: { ...process.env, BENCH_ECHO: echo ? '1' : '0' } });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return { url: `http://127.0.0.1:${port}`, child };
}

// --- the contenders -------------------------------------------------------------------------

type Call = () => Promise<unknown>;
interface Contender {
  name: string;
  post: Call;
  get: Call;
}

const GROUP = 'bench-app-group';
const trackBody = () => ({ events: [{ external_id: 'user-1', name: 'played', time: '2024-06-01T12:00:00Z', properties: { level: 3 } }] });

async function contenders(baseUrl: string): Promise<Contender[]> {
  const appboy = (await import('../../generated/appboy/index.ts')) as Record<string, unknown>;
  const list: Contender[] = [];
  list.push({
    name: 'raw fetch',
    post: () =>
      fetch(`${baseUrl}/users/track`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...trackBody(), app_group_id: GROUP }) }).then((r) => r.json()),
    get: () => fetch(`${baseUrl}/segments/list?page=1&app_group_id=${GROUP}`).then((r) => r.json()),
  });
  const of = createFetchClient<never>({ baseUrl });
  const ofc = of as unknown as { POST(path: string, init: object): Promise<{ data?: unknown }>; GET(path: string, init: object): Promise<{ data?: unknown }> };
  list.push({
    name: 'openapi-fetch',
    post: () => ofc.POST('/users/track', { body: { ...trackBody(), app_group_id: GROUP } }).then((r) => r.data),
    get: () => ofc.GET('/segments/list', { params: { query: { page: 1, app_group_id: GROUP } } }).then((r) => r.data),
  });
  const create = appboy.createAppboyClient as (o: object) => { userData: { trackUsers(i: object): Promise<unknown> }; segmentExport: { listSegments(i: object): Promise<unknown> } };
  const client = create({ appGroupId: GROUP, baseUrl });
  list.push({
    name: 'oaskit client',
    post: () => client.userData.trackUsers({ body: trackBody() }),
    get: () => client.segmentExport.listSegments({ query: { page: 1 } }),
  });
  if (typeof appboy.trackUsers === 'function' && typeof appboy.listSegments === 'function' && typeof appboy.createConfig === 'function') {
    const config = (appboy.createConfig as (o: object) => unknown)({ appGroupId: GROUP, baseUrl });
    const trackUsers = appboy.trackUsers as (c: unknown, i: object) => Promise<unknown>;
    const listSegments = appboy.listSegments as (c: unknown, i: object) => Promise<unknown>;
    list.push({ name: 'oaskit standalone', post: () => trackUsers(config, { body: trackBody() }), get: () => listSegments(config, { query: { page: 1 } }) });
  }
  return list;
}

/** Every contender must send the same request: the server echoes what it received. */
async function checkSameRequests(): Promise<void> {
  const { url, child } = await startServer(true);
  try {
    const all = await contenders(url);
    const seen = await Promise.all(all.map(async (c) => JSON.stringify([await c.post(), await c.get()])));
    for (const [i, s] of seen.entries()) {
      if (s !== seen[0]) throw new Error(`${all[i]!.name} sent another request than raw fetch:\n  ${s}\n  ${seen[0]}`);
    }
  } finally {
    child.kill();
  }
}

// --- measuring ------------------------------------------------------------------------------

async function measure(call: Call, n: number): Promise<{ cpuUs: number; wallUs: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await call();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / n, wallUs: (wall * 1000) / n };
}

async function main(): Promise<void> {
  const rounds = Number(args.rounds);
  const requests = Number(args.requests);
  await checkSameRequests();
  const { url, child } = await startServer(false);
  try {
    const all = await contenders(url);
    const samples = new Map<string, { cpu: number[]; wall: number[] }>();
    for (const kind of ['post', 'get'] as const) for (const c of all) samples.set(`${kind} ${c.name}`, { cpu: [], wall: [] });
    // warm up every path (JIT, sockets)
    for (const c of all) for (const kind of ['post', 'get'] as const) await measure(c[kind], Math.min(200, requests));
    for (let r = 0; r < rounds; r++) {
      for (const kind of ['post', 'get'] as const) {
        for (const c of r % 2 ? [...all].reverse() : all) {
          const m = await measure(c[kind], requests);
          const s = samples.get(`${kind} ${c.name}`)!;
          s.cpu.push(m.cpuUs);
          s.wall.push(m.wallUs);
        }
      }
    }
    console.log(`bench:client — ${rounds} rounds × ${requests} requests per contender, loopback, server in a child process; medians`);
    for (const kind of ['post', 'get'] as const) {
      const label = kind === 'post' ? 'JSON POST /users/track' : 'GET /segments/list?page=1&app_group_id=…';
      const raw = samples.get(`${kind} raw fetch`)!;
      const rawCpu = median(raw.cpu);
      const rawWall = median(raw.wall);
      const ofCpu = median(samples.get(`${kind} openapi-fetch`)!.cpu) - rawCpu;
      console.log(`\n${label}`);
      console.log('  contender            CPU µs/req  overhead  wall µs/req  overhead  overhead ÷ openapi-fetch’s (CPU)');
      for (const c of all) {
        const s = samples.get(`${kind} ${c.name}`)!;
        const cpu = median(s.cpu);
        const wall = median(s.wall);
        const over = cpu - rawCpu;
        const ratio = c.name === 'raw fetch' || c.name === 'openapi-fetch' ? '' : (over / ofCpu).toFixed(2) + '×';
        console.log(
          `  ${c.name.padEnd(19)} ${cpu.toFixed(1).padStart(10)} ${(over >= 0 ? '+' : '') + over.toFixed(1).padStart(8)} ${wall.toFixed(1).padStart(12)} ${((wall - rawWall >= 0 ? '+' : '') + (wall - rawWall).toFixed(1)).padStart(9)}  ${ratio}`,
        );
      }
    }
  } finally {
    child.kill();
  }
}

if (args.serve) serve();
else await main();
