// A small static server for the docs site: localhost only, GET and HEAD, files inside the site
// folder only (no traversal, no symlinks out), the same CSP the pages carry as a header.
// `oaskit docs --serve` and `npm start` use it.
import { createServer, type Server } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DocsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 (port 0: any free port). Resolves once listening. */
export async function serveDocs(dir: string, port = 0): Promise<DocsServer> {
  const root = realpathSync(resolve(dir));
  const server: Server = createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const file = locate(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(file.path).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': file.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** The file a URL path names inside root: `/` and folders give their index.html. */
function locate(root: string, url: string): { path: string; size: number } | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  let path = resolve(join(root, pathname));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    const real = realpathSync(path);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    const st = statSync(real);
    return st.isFile() ? { path: real, size: st.size } : undefined;
  } catch {
    return undefined;
  }
}
