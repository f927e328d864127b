// A real HTTP server on 127.0.0.1 for runtime tests (nothing mocked below fetch), and a fake clock
// so retries and polling never wait.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../generator/runtime/clock.ts';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  raw: Buffer;
}

export type Handler = (req: Seen, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: Seen[];
  close(): Promise<void>;
}

/** A server on 127.0.0.1 (`port` 0: any free port). */
export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const seen: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw.toString('utf8'), raw };
      requests.push(seen);
      Promise.resolve(handler(seen, res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface FakeClock extends Clock {
  sleeps: number[];
  /** ms since the clock started */
  elapsed(): number;
}

/** Time moves only when the code under test sleeps. `random` returns the given values in turn. */
export function fakeClock(start = Date.UTC(2024, 0, 1, 12), randoms: number[] = [0.5]): FakeClock {
  let now = start;
  let r = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => randoms[r++ % randoms.length]!,
    elapsed: () => now - start,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** One local server for a test file, its request log reset between tests; set `handler` to answer. */
export function useTestServer(): { server: TestServer; handler: Handler } {
  const state: { server: TestServer; handler: Handler } = { server: undefined as unknown as TestServer, handler: (_req, res) => void res.end() };
  beforeAll(async () => {
    state.server = await startServer((req, res) => state.handler(req, res));
  });
  afterAll(() => state.server.close());
  beforeEach(() => {
    state.server.requests.length = 0;
  });
  return state;
}

/** A port nothing listens on (yet): connections to it are refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
