// Two small real servers for test/mock/fixtures/pets.yaml, on loopback: one that honours the
// contract and one that breaks it in known ways.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  url: string;
  /** every request the upstream received: method, url, body */
  received: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export async function startUpstream(handler: Handler): Promise<Upstream> {
  const received: Upstream['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers every operation of pets.yaml as documented. */
export const honest: Handler = (req, body, res) => {
  const path = (req.url ?? '').split('?')[0]!;
  if (req.method === 'GET' && path === '/pets') return json(res, 200, [{ id: 1, name: 'Rex', tags: ['dog'] }]);
  if (req.method === 'POST' && path === '/pets') {
    const input = JSON.parse(body || '{}') as { name?: string; tags?: string[] };
    if (typeof input.name !== 'string') return json(res, 400, { message: 'name is required' });
    return json(res, 201, { id: 7, name: input.name, tags: input.tags ?? [] });
  }
  const m = /^\/pets\/(\d+)$/.exec(path);
  if (req.method === 'GET' && m) return Number(m[1]) === 1 ? json(res, 200, { id: 1, name: 'Rex' }) : json(res, 404, { message: 'no such pet' });
  json(res, 404, { message: 'not found' });
};

/**
 * Breaks the contract: GET /pets/1 leaves out the required `name`, GET /pets/2 sends `id` as a
 * string, GET /pets/3 answers 418 (not documented), GET /pets lists a pet whose tags are numbers.
 */
export const broken: Handler = (req, _body, res) => {
  const path = (req.url ?? '').split('?')[0]!;
  if (req.method === 'GET' && path === '/pets/1') return json(res, 200, { id: 1 });
  if (req.method === 'GET' && path === '/pets/2') return json(res, 200, { id: 'two', name: 'Two' });
  if (req.method === 'GET' && path === '/pets/3') return json(res, 418, { message: "I'm a teapot" });
  if (req.method === 'GET' && path === '/pets') return json(res, 200, [{ id: 1, name: 'Rex', tags: [1, 2] }]);
  if (req.method === 'POST' && path === '/pets') return json(res, 201, { id: 7, name: 'Rex' });
  json(res, 404, { message: 'not found' });
};
