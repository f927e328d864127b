// Free TCP ports on an interface, found by letting the system pick one (listen on port 0).
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `count` consecutive free ports (for `oaskit mock --port N`, whose specs take N, N+1, ...). */
export async function freePortRange(count: number, host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await freePort(host);
    if (first + count - 1 > 65535) continue;
    let ok = true;
    for (let i = 1; i < count && ok; i++) ok = await isFree(first + i, host);
    if (ok) return first;
  }
  throw new Error(`no ${count} consecutive free ports on ${host}`);
}

export function isFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
