// Benchmark: the per-request overhead of the generated client over raw `fetch`, beside
// openapi-fetch's, on loopback.
//
//   npm run bench:client [-- --rounds N --requests N]   (defaults: 60 rounds of batches of 30 requests)
//
// Two requests, made the same way by every contender: a JSON POST (Appboy `POST /users/track`,
// the credential in the body) and a GET with a query (`GET /segments/list?page=1&app_group_id=…`).
// Contenders: raw `fetch(url, init)` + `response.json()`; the same with an AbortSignal and a timer
// (what a time limit costs fetch itself); openapi-fetch's `client.POST/GET`; the generated Appboy
// client (`client.userData.trackUsers(...)`) with its defaults (retries, a 30 s time limit per
// attempt) and with `timeoutMs: 0` (no signal); the standalone operation when the package exports one.
//
// The server runs in a child process, so the client's CPU time (process.cpuUsage) measures only
// the client side (wall time drifts with the machine's load; it is printed, not compared). Each
// round runs one short batch per contender, in alternating order, so that load changes hit every
// contender alike; each figure is the median over the rounds.
// Overhead = contender's CPU time per request − raw fetch's. The goal (issue 12): the generated
// client's overhead ≤ openapi-fetch's overhead × 1.05. A second run answers fetch in-process with
// the same responses: it measures the client-side work alone, which loopback timings on a busy
// machine blur (what fetch itself does with a signal is then left out: the fake ignores it).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import createFetchClient from 'openapi-fetch';
import { median } from '../lib/stats.ts';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '60' }, requests: { type: 'string', default: '30' }, serve: { type: 'boolean', default: false } },
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
  const appboy = (await import(pathToFileURL(await builtPackage()).href)) as Record<string, unknown>;
  const list: Contender[] = [];
  list.push({
    name: 'raw fetch',
    post: () =>
      fetch(`${baseUrl}/users/track`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...trackBody(), app_group_id: GROUP }) }).then((r) => r.json()),
    get: () => fetch(`${baseUrl}/segments/list?page=1&app_group_id=${GROUP}`).then((r) => r.json()),
  });
  // what an AbortSignal and a timer alone cost fetch: the price of a per-attempt time limit
  const timed = <T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    return run(controller.signal).finally(() => clearTimeout(timer));
  };
  list.push({
    name: 'raw fetch + signal',
    post: () =>
      timed((signal) =>
        fetch(`${baseUrl}/users/track`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...trackBody(), app_group_id: GROUP }), signal }).then((r) => r.json()),
      ),
    get: () => timed((signal) => fetch(`${baseUrl}/segments/list?page=1&app_group_id=${GROUP}`, { signal }).then((r) => r.json())),
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
  // the same without the per-attempt time limit: no AbortSignal reaches fetch
  const untimed = create({ appGroupId: GROUP, baseUrl, timeoutMs: 0 });
  list.push({
    name: 'oaskit, timeoutMs: 0',
    post: () => untimed.userData.trackUsers({ body: trackBody() }),
    get: () => untimed.segmentExport.listSegments({ query: { page: 1 } }),
  });
  if (typeof appboy.trackUsers === 'function' && typeof appboy.listSegments === 'function' && typeof appboy.createConfig === 'function') {
    const config = (appboy.createConfig as (o: object) => unknown)({ appGroupId: GROUP, baseUrl });
    const trackUsers = appboy.trackUsers as (c: unknown, i: object) => Promise<unknown>;
    const listSegments = appboy.listSegments as (c: unknown, i: object) => Promise<unknown>;
    list.push({ name: 'oaskit standalone', post: () => trackUsers(config, { body: trackBody() }), get: () => listSegments(config, { query: { page: 1 } }) });
  }
  return list;
}

/**
 * The generated package as a consumer runs it: built to JavaScript (esbuild, as tsc would emit it),
 * not through tsx, whose transform wraps every function it creates in a naming helper.
 */
let built: string | undefined;
async function builtPackage(): Promise<string> {
  if (built) return built;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'bench-client-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await build({ entryPoints: [join(root, 'generated', 'appboy', 'index.ts')], bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', outdir: dir, external: ['openapi-fetch'], logLevel: 'error' });
  return (built = join(dir, 'index.js'));
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

/** Runs the contenders in interleaved rounds and prints one table per request. */
async function run(title: string, all: Contender[], rounds: number, requests: number): Promise<void> {
  const samples = new Map<string, { cpu: number[]; wall: number[] }>();
  for (const kind of ['post', 'get'] as const) for (const c of all) samples.set(`${kind} ${c.name}`, { cpu: [], wall: [] });
  // warm up every path (JIT, sockets)
  for (const c of all) for (const kind of ['post', 'get'] as const) await measure(c[kind], 300);
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
  console.log(`\n${title} — ${rounds} rounds × ${requests} requests per contender and request; medians`);
  for (const kind of ['post', 'get'] as const) {
    const label = kind === 'post' ? 'JSON POST /users/track' : 'GET /segments/list?page=1&app_group_id=…';
    const raw = samples.get(`${kind} raw fetch`)!;
    const rawCpu = median(raw.cpu);
    const rawWall = median(raw.wall);
    const ofCpu = median(samples.get(`${kind} openapi-fetch`)!.cpu) - rawCpu;
    console.log(`\n${label}`);
    console.log('  contender              CPU µs/req  overhead  wall µs/req  overhead  overhead ÷ openapi-fetch’s (CPU)');
    for (const c of all) {
      const s = samples.get(`${kind} ${c.name}`)!;
      const cpu = median(s.cpu);
      const wall = median(s.wall);
      const over = cpu - rawCpu;
      const ratio = c.name.startsWith('oaskit') ? (over / ofCpu).toFixed(2) + '×' : '';
      console.log(
        `  ${c.name.padEnd(21)} ${cpu.toFixed(1).padStart(10)} ${(over >= 0 ? '+' : '') + over.toFixed(1).padStart(8)} ${wall.toFixed(1).padStart(12)} ${((wall - rawWall >= 0 ? '+' : '') + (wall - rawWall).toFixed(1)).padStart(9)}  ${ratio}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const rounds = Number(args.rounds);
  const requests = Number(args.requests);
  await checkSameRequests();
  const { url, child } = await startServer(false);
  try {
    await run('bench:client, loopback (server in a child process)', await contenders(url), rounds, requests);
  } finally {
    child.kill();
  }
  // the client-side work alone, steadier on a loaded machine: fetch answers in-process with the
  // same responses (every contender calls the global fetch; openapi-fetch reads it at creation)
  const real = globalThis.fetch;
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    const payload = JSON.stringify(method === 'GET' ? { segments: [{ id: 'a', name: 'Segment A', analytics_tracking_enabled: true, tags: [] }], message: 'success' } : { message: 'success' });
    return new Response(payload, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(payload.length), 'x-ratelimit-limit': '250000', 'x-ratelimit-remaining': '249999', 'x-ratelimit-reset': reset } });
  };
  try {
    await run('bench:client, fetch answered in-process (client-side work only)', await contenders('http://127.0.0.1:9'), rounds, requests * 10);
  } finally {
    globalThis.fetch = real;
  }
}

if (args.serve) serve();
else await main();
