// Issue 16: memory stays flat for a 1 GiB download. A loopback server in a child process sends a
// generated 1 GiB file (never held whole); a client process streams it with the runtime's
// `downloadUrl` to a WritableStream that counts and drops the bytes, and reports the growth of its
// peak RSS. Both roles are those of `npm run bench:download`, which also runs the buffering peer.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/bench/download.ts', import.meta.url));
const children: ReturnType<typeof fork>[] = [];
afterAll(() => children.forEach((c) => c.kill()));

function role(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const p = fork(script, args, { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'ignore' });
    children.push(p);
    p.once('message', resolve);
    p.once('error', reject);
    p.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before answering`)));
  });
}

describe('a 1 GiB download', () => {
  it('streams every byte while the client grows by a small fraction of the file', { timeout: 300_000 }, async () => {
    const port = await role(['--role', 'server', '--mib', '1024']);
    const result = (await role(['--role', 'client', '--url', `http://127.0.0.1:${port}/export.bin`, '--mode', 'stream'])) as { growthMiB: number; bytes: number };
    console.log(`1 GiB streamed: client peak RSS grew by ${result.growthMiB.toFixed(1)} MiB`);
    expect(result.bytes).toBe(1024 * 2 ** 20);
    // buffering it would take over 1,024 MiB (the bench's peer: about 3 GiB)
    expect(result.growthMiB).toBeLessThan(96);
  });
});
