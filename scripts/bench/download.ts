// Benchmark: memory of a large download. A server in a child process sends a generated file
// (default 1 GiB, never held whole) at a download URL; the client streams it with the runtime's
// `downloadUrl` to a WritableStream that counts and drops the bytes, and to a file path. The peer,
// in its own process, does what a buffering client does: `await response.arrayBuffer()`. Each
// prints the growth of its peak RSS over its RSS before the download (after a 1 MiB warm-up, so
// that loading fetch and the code paths is not counted).
//
//   npm run bench:download [-- --mib 1024]
//
// Goal (issue 16): the streamed download grows RSS by a few MiB at most, whatever the size.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createConfig } from '../../generator/runtime/config.ts';
import { downloadUrl } from '../../generator/runtime/download.ts';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' }, role: { type: 'string' }, url: { type: 'string' }, mode: { type: 'string' } } });
const mib = Number(values.mib);
const MiB = 2 ** 20;

/** Peak RSS while `work` runs (sampled every 5 ms), minus RSS before. */
async function rssGrowth(work: () => Promise<number>): Promise<{ growthMiB: number; bytes: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const bytes = await work();
  peak = Math.max(peak, process.memoryUsage.rss());
  clearInterval(timer);
  return { growthMiB: (peak - before) / MiB, bytes };
}

async function server(): Promise<void> {
  const chunk = Buffer.alloc(MiB, 0x61);
  const s = createServer((req, res) => {
    // `?mib=N`: another size (the clients warm up with 1 MiB)
    const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('mib') ?? mib);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size * MiB) });
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent++;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  s.listen(0, '127.0.0.1', () => process.send!((s.address() as AddressInfo).port));
}

async function client(url: string, mode: string): Promise<void> {
  const config = createConfig({});
  // warm-up: fetch, streams and the code paths loaded before the measure
  await downloadUrl(config, url + '?mib=1', { to: new WritableStream() });
  await (await fetch(url + '?mib=1')).arrayBuffer();
  let result: { growthMiB: number; bytes: number };
  if (mode === 'stream') {
    result = await rssGrowth(async () => {
      let n = 0;
      const to = new WritableStream<Uint8Array>({ write: (c) => void (n += c.byteLength) });
      const r = await downloadUrl(config, url, { to });
      return r.bytes === n ? n : -1;
    });
  } else if (mode === 'file') {
    const dir = mkdtempSync(join(tmpdir(), 'oaskit-bench-dl-'));
    result = await rssGrowth(async () => {
      await downloadUrl(config, url, { to: join(dir, 'file.bin') });
      return statSync(join(dir, 'file.bin')).size;
    });
    rmSync(dir, { recursive: true, force: true });
  } else {
    result = await rssGrowth(async () => (await (await fetch(url)).arrayBuffer()).byteLength);
  }
  process.send!(result);
}

function child(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx', '--expose-gc'] });
    p.once('message', (m) => {
      resolve(m);
      if (!args.includes('server')) p.kill();
    });
    p.once('error', reject);
    if (args.includes('server')) process.once('exit', () => p.kill());
  });
}

if (values.role === 'server') await server();
else if (values.role === 'client') await client(values.url!, values.mode!);
else {
  const port = await child(['--role', 'server', '--mib', String(mib)]);
  const url = `http://127.0.0.1:${port}/export.bin`;
  console.log(`download of ${mib} MiB from a loopback server (peak RSS growth of the client process)`);
  const rows: [string, { growthMiB: number; bytes: number }][] = [];
  for (const [label, mode] of [['oaskit .download() to a WritableStream', 'stream'], ['oaskit .download() to a file path', 'file'], ['peer: fetch + arrayBuffer()', 'buffer']] as const) {
    const r = (await child(['--role', 'client', '--url', url, '--mode', mode])) as { growthMiB: number; bytes: number };
    rows.push([label, r]);
    console.log(`  ${label.padEnd(42)} ${r.growthMiB.toFixed(1).padStart(8)} MiB   (${(r.bytes / MiB).toFixed(0)} MiB received)`);
  }
  const stream = rows[0]![1].growthMiB;
  const peer = rows[2]![1].growthMiB;
  console.log(`  ratio peer / streamed: ${(peer / Math.max(stream, 0.1)).toFixed(0)}x`);
  process.exit(0);
}
