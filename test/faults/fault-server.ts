// A fault-injecting HTTP server for tests: loopback only, seeded, bounded. It answers a share of
// requests with 429 (Retry-After and/or X-RateLimit-Reset), 502, or a dropped connection (the
// socket destroyed after the body was read, so the client cannot know whether it was processed),
// and the rest with what `respond` says. Every request body received and the answer given are
// recorded, in arrival order, so a test can account for every item a client sent.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FaultRates {
  /** share of requests answered 429 (0..1) */
  rateLimit?: number;
  /** share answered 502 */
  badGateway?: number;
  /** share whose connection is destroyed without an answer */
  drop?: number;
}

export type FaultKind = 'ok' | 'rate-limit' | 'bad-gateway' | 'drop' | 'exhausted';

export type Answer =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'rate-limit'; status: 429; retryAfter?: number; reset?: number }
  | { kind: 'bad-gateway'; status: 502 }
  | { kind: 'drop' }
  | { kind: 'exhausted'; status: 503 };

export interface ReceivedRequest {
  /** 0, 1, 2, ... in arrival order */
  seq: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** the raw body as received */
  body: string;
  /** the body parsed as JSON, when it is JSON */
  json?: unknown;
  answer: Answer;
}

export interface OkAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FaultServerOptions {
  /** the seed of the fault decisions: the same seed gives the same answer to the n-th request */
  seed: number;
  rates: FaultRates;
  /** Retry-After value in whole seconds (default 1); X-RateLimit-Reset is now + this, in epoch seconds */
  retryAfterSeconds?: number;
  /** which rate-limit headers a 429 carries: both (default), one of them, or a seeded mix of the three */
  rateLimitHeaders?: 'both' | 'retry-after' | 'reset' | 'mixed';
  /** the bound of a run: requests after this many are answered 503 and counted as exhausted (default 100,000) */
  maxRequests?: number;
  /** the answer to a request that is not faulted (default: 201 {"message":"success"}) */
  respond?: (request: Omit<ReceivedRequest, 'answer'>) => OkAnswer;
  /** loopback address to listen on (default 127.0.0.1) */
  host?: string;
  /** the clock, in ms (default Date.now) */
  now?: () => number;
}

export interface FaultServer {
  readonly url: string;
  readonly port: number;
  /** every request received, in arrival order, with the answer given */
  readonly records: readonly ReceivedRequest[];
  /** how many requests got each kind of answer */
  counts(): Record<FaultKind, number>;
  /** true once a request arrived past maxRequests */
  readonly exhausted: boolean;
  stop(): Promise<void>;
}

/** mulberry32: a small, fast, seeded PRNG; enough for test fault schedules. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const host = options.host ?? '127.0.0.1';
  if (!loopback.test(host)) throw new Error(`the fault server listens on loopback only, not ${host}`);
  const rates = { rateLimit: options.rates.rateLimit ?? 0, badGateway: options.rates.badGateway ?? 0, drop: options.rates.drop ?? 0 };
  for (const [k, v] of Object.entries(rates)) if (!(v >= 0 && v <= 1)) throw new Error(`rate ${k} must be between 0 and 1`);
  if (rates.rateLimit + rates.badGateway + rates.drop > 1) throw new Error('the fault rates add up to more than 1');
  const random = seededRandom(options.seed);
  const maxRequests = options.maxRequests ?? 100_000;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const now = options.now ?? Date.now;
  const respond = options.respond ?? (() => ({ status: 201, body: { message: 'success' } }));
  const records: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let exhausted = false;

  /** One decision per request, drawn in arrival order: the schedule depends on the seed only. */
  const decide = (): FaultKind => {
    const r = random();
    if (r < rates.drop) return 'drop';
    if (r < rates.drop + rates.rateLimit) return 'rate-limit';
    if (r < rates.drop + rates.rateLimit + rates.badGateway) return 'bad-gateway';
    return 'ok';
  };
  const headerChoice = (): 'both' | 'retry-after' | 'reset' => {
    const mode = options.rateLimitHeaders ?? 'both';
    if (mode !== 'mixed') return mode;
    const r = random();
    return r < 1 / 3 ? 'both' : r < 2 / 3 ? 'retry-after' : 'reset';
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seq = records.length;
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const base = { seq, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
      let kind: FaultKind = seq >= maxRequests ? 'exhausted' : decide();
      if (kind === 'exhausted') exhausted = true;
      let answer: Answer;
      switch (kind) {
        case 'drop':
          answer = { kind };
          records.push({ ...base, answer });
          req.socket.destroy();
          return;
        case 'rate-limit': {
          const which = headerChoice();
          const reset = Math.ceil(now() / 1000) + retryAfter;
          const headers: Record<string, string> = { 'content-type': 'application/json', 'x-ratelimit-limit': '250000', 'x-ratelimit-remaining': '0' };
          answer = { kind, status: 429 };
          if (which !== 'reset') {
            headers['retry-after'] = String(retryAfter);
            answer.retryAfter = retryAfter;
          }
          if (which !== 'retry-after') {
            headers['x-ratelimit-reset'] = String(reset);
            answer.reset = reset;
          }
          records.push({ ...base, answer });
          res.writeHead(429, headers);
          res.end(JSON.stringify({ message: 'rate limit exceeded' }));
          return;
        }
        case 'bad-gateway':
          answer = { kind, status: 502 };
          records.push({ ...base, answer });
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
          return;
        case 'exhausted':
          answer = { kind, status: 503 };
          records.push({ ...base, answer });
          res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ message: `fault server: more than ${maxRequests} requests in this run` }));
          return;
        case 'ok': {
          let ok: OkAnswer;
          try {
            ok = respond(base);
          } catch (error) {
            ok = { status: 500, body: { message: `fault server respond() threw: ${(error as Error).message}` } };
          }
          const status = ok.status ?? 200;
          answer = { kind, status, body: ok.body };
          records.push({ ...base, answer });
          res.writeHead(status, { 'content-type': 'application/json', ...ok.headers });
          res.end(ok.body === undefined ? '' : JSON.stringify(ok.body));
          return;
        }
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    records,
    get exhausted() {
      return exhausted;
    },
    counts() {
      const c: Record<FaultKind, number> = { ok: 0, 'rate-limit': 0, 'bad-gateway': 0, drop: 0, exhausted: 0 };
      for (const r of records) c[r.answer.kind]++;
      return c;
    },
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      })),
  };
}
